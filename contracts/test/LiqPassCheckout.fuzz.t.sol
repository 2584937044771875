// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {LiqPassCheckout} from "../src/LiqPassCheckout.sol";
import {CheckoutTestBase} from "./utils/CheckoutTestBase.sol";
import {vm} from "./utils/Vm.sol";

contract LiqPassCheckoutFuzzTest is CheckoutTestBase {
    function _fuzzQuote(
        bytes32 orderId,
        uint256 premium,
        uint256 payout,
        uint64 coverage,
        uint32 leverage,
        string memory inst
    ) internal view returns (LiqPassCheckout.Quote memory q) {
        q = _quote(orderId, buyer, _bound(premium, 1, 1_000_000 * USDC));
        q.payout = payout;
        q.payoutCap = payout / 2 + premium / 3;
        q.coverageSeconds = coverage;
        q.leverage = leverage;
        q.instrument = inst;
    }

    function testFuzz_validQuote_movesExactlyThePremium(
        bytes32 orderId,
        uint256 premium,
        uint256 payout,
        uint64 coverage,
        uint32 leverage,
        string calldata inst
    ) public {
        LiqPassCheckout.Quote memory q = _fuzzQuote(orderId, premium, payout, coverage, leverage, inst);
        uint256 buyerBefore = usdc.balanceOf(buyer);
        vm.prank(buyer);
        checkout.payPremium(q, _sign(q));
        vm.assertEq(usdc.balanceOf(treasury), q.premium, "treasury inflow = premium");
        vm.assertEq(buyerBefore - usdc.balanceOf(buyer), q.premium, "buyer outflow = premium");
        vm.assertEq(usdc.balanceOf(address(checkout)), 0, "checkout holds nothing");
    }

    function testFuzz_anyAlteredField_isRefused(bytes32 orderId, uint256 premium, uint8 field, uint32 noise) public {
        LiqPassCheckout.Quote memory q = _fuzzQuote(orderId, premium, 0, 3 days, 2500, "ETH-USDT-SWAP");
        q.payout = q.premium * 7;
        bytes memory sig = _sign(q);
        LiqPassCheckout.Quote memory a = _alter(q, field % 9, noise);
        vm.prank(a.buyer);
        vm.expectRevert(LiqPassCheckout.InvalidSignature.selector);
        checkout.payPremium(a, sig);
    }

    function testFuzz_quoteForAnotherChain_isRefused(uint64 otherChain) public {
        vm.assume(otherChain != block.chainid);
        LiqPassCheckout.Quote memory q = _quote(keccak256("x"), buyer, USDC);
        bytes memory sig = _signDigest(SIGNER_KEY, _digest(q, otherChain, address(checkout)));
        vm.prank(buyer);
        vm.expectRevert(LiqPassCheckout.InvalidSignature.selector);
        checkout.payPremium(q, sig);
    }

    function testFuzz_quoteForAnotherContract_isRefused(address otherContract) public {
        vm.assume(otherContract != address(checkout));
        LiqPassCheckout.Quote memory q = _quote(keccak256("x"), buyer, USDC);
        bytes memory sig = _signDigest(SIGNER_KEY, _digest(q, block.chainid, otherContract));
        vm.prank(buyer);
        vm.expectRevert(LiqPassCheckout.InvalidSignature.selector);
        checkout.payPremium(q, sig);
    }

    function testFuzz_onlyTheBuyerMayPay(address sender) public {
        vm.assume(sender != buyer);
        LiqPassCheckout.Quote memory q = _quote(keccak256("x"), buyer, USDC);
        bytes memory sig = _sign(q);
        vm.prank(sender);
        vm.expectRevert(abi.encodeWithSelector(LiqPassCheckout.NotBuyer.selector, sender, buyer));
        checkout.payPremium(q, sig);
    }

    function testFuzz_expiredQuote_isRefused(uint64 lateBy) public {
        LiqPassCheckout.Quote memory q = _quote(keccak256("x"), buyer, USDC);
        bytes memory sig = _sign(q);
        vm.warp(uint256(q.deadline) + _bound(lateBy, 1, 10 * 365 days));
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(LiqPassCheckout.QuoteExpired.selector, q.deadline));
        checkout.payPremium(q, sig);
    }

    function testFuzz_orderIdPaysOnce(bytes32 orderId, uint256 first, uint256 second) public {
        LiqPassCheckout.Quote memory q1 = _quote(orderId, buyer, _bound(first, 1, 1000 * USDC));
        LiqPassCheckout.Quote memory q2 = _quote(orderId, buyer, _bound(second, 1, 1000 * USDC));
        q2.coverageSeconds = 1 days; // a different, validly signed quote for the same order
        vm.prank(buyer);
        checkout.payPremium(q1, _sign(q1));
        bytes memory sig2 = _sign(q2);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(LiqPassCheckout.OrderAlreadyPaid.selector, orderId));
        checkout.payPremium(q2, sig2);
        vm.assertEq(usdc.balanceOf(treasury), q1.premium, "only the first premium arrived");
    }

    /// @dev Changes exactly one field by a fuzzed, never-zero amount, so only the signature can refuse it.
    function _alter(LiqPassCheckout.Quote memory q, uint256 field, uint32 noise)
        internal
        pure
        returns (LiqPassCheckout.Quote memory a)
    {
        a = LiqPassCheckout.Quote(
            q.orderId,
            q.buyer,
            q.premium,
            q.payout,
            q.payoutCap,
            q.coverageSeconds,
            q.instrument,
            q.leverage,
            q.deadline
        );
        uint32 d = noise == 0 ? 1 : noise; // uint32 widens into every field without a truncating cast
        if (field == 0) a.orderId = q.orderId ^ bytes32(uint256(d));
        else if (field == 1) a.buyer = address(uint160(q.buyer) ^ d);
        else if (field == 2) a.premium = q.premium + d; // never 0, which would fail for another reason
        else if (field == 3) a.payout = q.payout ^ d;
        else if (field == 4) a.payoutCap = q.payoutCap ^ d;
        else if (field == 5) a.coverageSeconds = q.coverageSeconds ^ d;
        else if (field == 6) a.instrument = string.concat(q.instrument, " ");
        else if (field == 7) a.leverage = q.leverage ^ d;
        else a.deadline = q.deadline + d; // later, so expiry is not what refuses it
    }
}
