// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {LiqPassCheckout} from "../../src/LiqPassCheckout.sol";
import {MockUSDC} from "../mocks/MockUSDC.sol";
import {QuoteSigning} from "../utils/QuoteSigning.sol";
import {vm} from "../utils/Vm.sol";

/// @dev What the invariant fuzzer drives: honest payments (approve and permit paths), replays of
///      paid order ids, tampered quotes, pausing and time passing. Calls that must fail are wrapped
///      in try/catch and any success is counted in a ghost variable the invariants require to be 0.
contract CheckoutHandler {
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    uint256 private constant ACTORS = 3; // approve-path actors; key ACTORS+1 pays by permit only

    LiqPassCheckout public immutable checkout;
    MockUSDC public immutable usdc;
    uint256 private immutable signerKey;
    address private immutable admin;
    address private immutable pauser;

    bytes32[] public paidOrders;
    uint256 public ghostPremiums; // sum of premiums of successful payments
    uint256 public ghostDoublePays; // successful payments of an already-paid order id
    uint256 public ghostForgeries; // successful payments of a tampered quote
    uint256 public ghostMovedWhilePaused; // successful payments while paused
    uint256 private nonce;

    constructor(LiqPassCheckout checkout_, MockUSDC usdc_, uint256 signerKey_, address admin_, address pauser_) {
        checkout = checkout_;
        usdc = usdc_;
        signerKey = signerKey_;
        admin = admin_;
        pauser = pauser_;
        for (uint256 i = 1; i <= ACTORS + 1; i++) {
            usdc.mint(vm.addr(i), 1e15);
            if (i <= ACTORS) {
                vm.prank(vm.addr(i));
                usdc.approve(address(checkout), type(uint256).max);
            }
        }
    }

    function paidCount() external view returns (uint256) {
        return paidOrders.length;
    }

    function actor(uint256 i) public pure returns (address) {
        return vm.addr(i);
    }

    function pay(uint256 actorSeed, uint256 premium) external {
        address buyer = vm.addr(1 + (actorSeed % ACTORS));
        LiqPassCheckout.Quote memory q = _newQuote(buyer, premium);
        bytes memory sig = _sign(q);
        bool wasPaused = checkout.paused();
        vm.prank(buyer);
        try checkout.payPremium(q, sig) {
            _recordPaid(q, wasPaused);
        } catch {}
    }

    function payWithPermit(uint256 premium) external {
        uint256 key = ACTORS + 1;
        address buyer = vm.addr(key);
        LiqPassCheckout.Quote memory q = _newQuote(buyer, premium);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 permitHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, buyer, address(checkout), q.premium, usdc.nonces(buyer), deadline));
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(key, keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), permitHash)));
        bytes memory sig = _sign(q);
        bool wasPaused = checkout.paused();
        vm.prank(buyer);
        try checkout.payPremiumWithPermit(q, sig, deadline, v, r, s) {
            _recordPaid(q, wasPaused);
        } catch {}
    }

    /// @dev A fresh, validly signed quote for an order id that was already paid.
    function replay(uint256 index, uint256 premium) external {
        if (paidOrders.length == 0) return;
        LiqPassCheckout.Quote memory q = _newQuote(vm.addr(1), premium);
        q.orderId = paidOrders[index % paidOrders.length];
        bytes memory sig = _sign(q);
        vm.prank(q.buyer);
        try checkout.payPremium(q, sig) {
            ghostDoublePays++;
        } catch {}
    }

    /// @dev A quote whose premium was lowered after signing — the forgery a buyer would try.
    function payTampered(uint256 actorSeed, uint256 premium, uint256 discount) external {
        address buyer = vm.addr(1 + (actorSeed % ACTORS));
        LiqPassCheckout.Quote memory q = _newQuote(buyer, premium);
        if (q.premium < 2) return; // nothing lower than 1 to forge
        bytes memory sig = _sign(q);
        q.premium -= 1 + (discount % (q.premium - 1)); // 1 <= forged < signed
        vm.prank(buyer);
        try checkout.payPremium(q, sig) {
            ghostForgeries++;
        } catch {}
    }

    function togglePause() external {
        if (checkout.paused()) {
            vm.prank(admin);
            checkout.unpause();
        } else {
            vm.prank(pauser);
            checkout.pause();
        }
    }

    function passTime(uint256 secondsToPass) external {
        vm.warp(block.timestamp + (secondsToPass % 1 hours));
    }

    function _newQuote(address buyer, uint256 premium) private returns (LiqPassCheckout.Quote memory) {
        nonce++;
        uint256 p = 1 + (premium % 100_000e6);
        return LiqPassCheckout.Quote({
            orderId: keccak256(abi.encode("order", nonce)),
            buyer: buyer,
            premium: p,
            payout: p * 8,
            payoutCap: p * 10,
            coverageSeconds: 1 days,
            instrument: "BTC-USDT-SWAP",
            leverage: 2000,
            deadline: uint64(block.timestamp + 10 minutes)
        });
    }

    function _sign(LiqPassCheckout.Quote memory q) private view returns (bytes memory) {
        return QuoteSigning.sign(signerKey, QuoteSigning.digest(q, block.chainid, address(checkout)));
    }

    function _recordPaid(LiqPassCheckout.Quote memory q, bool wasPaused) private {
        if (wasPaused) ghostMovedWhilePaused++;
        ghostPremiums += q.premium;
        paidOrders.push(q.orderId);
    }
}
