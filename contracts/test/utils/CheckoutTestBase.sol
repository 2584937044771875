// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {LiqPassCheckout} from "../../src/LiqPassCheckout.sol";
import {MockUSDC} from "../mocks/MockUSDC.sol";
import {QuoteSigning} from "./QuoteSigning.sol";
import {vm} from "./Vm.sol";

/// @dev Shared fixture: a checkout over MockUSDC with a Safe-like admin, plus quote and permit
///      signing done independently of the contract (QuoteSigning).
abstract contract CheckoutTestBase {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    uint256 internal constant SIGNER_KEY = 0xA11CE;
    uint256 internal constant BUYER_KEY = 0xB0B;
    uint256 internal constant USDC = 1e6;
    uint256 internal constant START_TIME = 1_750_000_000;

    MockUSDC internal usdc;
    LiqPassCheckout internal checkout;
    address internal admin = address(0x5AFE);
    address internal pauser = address(0x9A05E);
    address internal treasury = address(0x7EA5);
    address internal signer;
    address internal buyer;

    function setUp() public virtual {
        vm.warp(START_TIME);
        signer = vm.addr(SIGNER_KEY);
        buyer = vm.addr(BUYER_KEY);
        usdc = new MockUSDC();
        checkout = new LiqPassCheckout(usdc, treasury, signer, admin, pauser);
        usdc.mint(buyer, 1_000_000 * USDC);
        vm.prank(buyer);
        usdc.approve(address(checkout), type(uint256).max);
    }

    function _quote(bytes32 orderId, address quoteBuyer, uint256 premium)
        internal
        view
        returns (LiqPassCheckout.Quote memory)
    {
        return LiqPassCheckout.Quote({
            orderId: orderId,
            buyer: quoteBuyer,
            premium: premium,
            payout: premium * 10,
            payoutCap: premium * 12,
            coverageSeconds: 7 days,
            instrument: "BTC-USDT-SWAP",
            leverage: 1000,
            deadline: uint64(block.timestamp + 15 minutes)
        });
    }

    function _digest(LiqPassCheckout.Quote memory q, uint256 chainId, address verifyingContract)
        internal
        pure
        returns (bytes32)
    {
        return QuoteSigning.digest(q, chainId, verifyingContract);
    }

    function _signDigest(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        return QuoteSigning.sign(key, digest);
    }

    /// @dev A quote signed by the configured signer for this chain and this checkout.
    function _sign(LiqPassCheckout.Quote memory q) internal view returns (bytes memory) {
        return _signDigest(SIGNER_KEY, _digest(q, block.chainid, address(checkout)));
    }

    function _permit(uint256 ownerKey, uint256 value, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        address owner = vm.addr(ownerKey);
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, owner, address(checkout), value, usdc.nonces(owner), deadline));
        return vm.sign(ownerKey, keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), structHash)));
    }

    /// @dev forge-std's bound(), which is not available here.
    function _bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (min == 0 && max == type(uint256).max) return x;
        return min + (x % (max - min + 1));
    }
}
