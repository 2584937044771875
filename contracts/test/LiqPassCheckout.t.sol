// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {LiqPassCheckout} from "../src/LiqPassCheckout.sol";
import {FeeOnTransferToken} from "./mocks/FeeOnTransferToken.sol";
import {CheckoutTestBase} from "./utils/CheckoutTestBase.sol";
import {vm} from "./utils/Vm.sol";

/// @dev Paying: the happy paths, every refusal, and the permit path. Administration is in LiqPassCheckout.admin.t.sol.
contract LiqPassCheckoutTest is CheckoutTestBase {
    bytes32 internal constant ORDER = keccak256("order-1");

    // ---- happy path ----

    function test_payPremium_movesPremiumStraightToTreasury() public {
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, 12_500_000);
        uint256 buyerBefore = usdc.balanceOf(buyer);

        vm.prank(buyer);
        bytes32 quoteHash = checkout.payPremium(q, _sign(q));

        vm.assertEq(usdc.balanceOf(treasury), 12_500_000, "treasury receives the premium");
        vm.assertEq(usdc.balanceOf(buyer), buyerBefore - 12_500_000, "buyer pays the premium");
        vm.assertEq(usdc.balanceOf(address(checkout)), 0, "checkout holds nothing");
        vm.assertTrue(checkout.paid(ORDER), "order marked paid");
        vm.assertEq(quoteHash, _digest(q, block.chainid, address(checkout)), "returns the EIP-712 digest");
    }

    function test_payPremium_emitsEverythingTheListenerNeeds() public {
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, 5 * USDC);
        bytes32 digest = _digest(q, block.chainid, address(checkout));

        vm.expectEmit(true, true, true, true, address(checkout));
        emit LiqPassCheckout.PremiumPaid(
            ORDER, buyer, address(usdc), 5 * USDC, 50 * USDC, 60 * USDC, 7 days, digest, treasury
        );
        vm.prank(buyer);
        checkout.payPremium(q, _sign(q));
    }

    function test_hashQuote_matchesIndependentEncoding() public view {
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, 1);
        vm.assertEq(checkout.hashQuote(q), _digest(q, block.chainid, address(checkout)), "typehash and domain agree");
    }

    function test_payPremium_acceptsAtDeadline_refusesAfter() public {
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, USDC);
        bytes memory sig = _sign(q);
        vm.warp(q.deadline + 1);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(LiqPassCheckout.QuoteExpired.selector, q.deadline));
        checkout.payPremium(q, sig);

        vm.warp(q.deadline);
        vm.prank(buyer);
        checkout.payPremium(q, sig);
        vm.assertTrue(checkout.paid(ORDER), "paid at the deadline second");
    }

    // ---- refusals ----

    function test_payPremium_refusesSecondPaymentOfSameOrder() public {
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, USDC);
        bytes memory sig = _sign(q);
        vm.prank(buyer);
        checkout.payPremium(q, sig);

        LiqPassCheckout.Quote memory again = _quote(ORDER, buyer, 2 * USDC); // even a fresh quote for it
        bytes memory againSig = _sign(again);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(LiqPassCheckout.OrderAlreadyPaid.selector, ORDER));
        checkout.payPremium(again, againSig);
        vm.assertEq(usdc.balanceOf(treasury), USDC, "only the first premium arrived");
    }

    function test_payPremium_refusesSenderOtherThanBuyer() public {
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, USDC);
        bytes memory sig = _sign(q);
        address stranger = address(0xBAD);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(LiqPassCheckout.NotBuyer.selector, stranger, buyer));
        checkout.payPremium(q, sig);
    }

    function test_payPremium_refusesZeroPremium() public {
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, 0);
        bytes memory sig = _sign(q);
        vm.prank(buyer);
        vm.expectRevert(LiqPassCheckout.ZeroPremium.selector);
        checkout.payPremium(q, sig);
    }

    function test_payPremium_refusesEveryAlteredField() public {
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, 3 * USDC);
        bytes memory sig = _sign(q);
        for (uint256 field = 0; field < 9; field++) {
            LiqPassCheckout.Quote memory altered = _alter(q, field);
            vm.prank(altered.buyer); // reach the signature check even when the buyer was altered
            vm.expectRevert(LiqPassCheckout.InvalidSignature.selector);
            checkout.payPremium(altered, sig);
        }
        vm.prank(buyer);
        checkout.payPremium(q, sig); // the untouched quote still pays
        vm.assertEq(usdc.balanceOf(treasury), 3 * USDC, "only the genuine quote moved money");
    }

    function test_payPremium_refusesQuoteSignedForAnotherChain() public {
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, USDC);
        bytes memory sig = _signDigest(SIGNER_KEY, _digest(q, 42161, address(checkout)));
        vm.prank(buyer);
        vm.expectRevert(LiqPassCheckout.InvalidSignature.selector);
        checkout.payPremium(q, sig);

        // and a quote signed here stops working if the same contract were on another chain
        bytes memory here = _sign(q);
        vm.chainId(8453);
        vm.prank(buyer);
        vm.expectRevert(LiqPassCheckout.InvalidSignature.selector);
        checkout.payPremium(q, here);
    }

    function test_payPremium_refusesQuoteSignedForAnotherContract() public {
        LiqPassCheckout other = new LiqPassCheckout(usdc, treasury, signer, admin, pauser);
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, USDC);
        bytes memory sigForOther = _signDigest(SIGNER_KEY, _digest(q, block.chainid, address(other)));
        vm.prank(buyer);
        vm.expectRevert(LiqPassCheckout.InvalidSignature.selector);
        checkout.payPremium(q, sigForOther);
    }

    function test_payPremium_refusesSignatureFromAnyoneButTheSigner() public {
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, USDC);
        bytes memory sig = _signDigest(BUYER_KEY, _digest(q, block.chainid, address(checkout)));
        vm.prank(buyer);
        vm.expectRevert(LiqPassCheckout.InvalidSignature.selector);
        checkout.payPremium(q, sig);
    }

    function test_payPremium_refusesFeeOnTransferToken() public {
        FeeOnTransferToken fee = new FeeOnTransferToken();
        LiqPassCheckout feeCheckout = new LiqPassCheckout(fee, treasury, signer, admin, pauser);
        fee.mint(buyer, 100 * USDC);
        vm.prank(buyer);
        fee.approve(address(feeCheckout), type(uint256).max);
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, 100 * USDC);
        bytes memory sig = _signDigest(SIGNER_KEY, _digest(q, block.chainid, address(feeCheckout)));
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(LiqPassCheckout.TreasuryInflowMismatch.selector, 100 * USDC, 99 * USDC));
        feeCheckout.payPremium(q, sig);
    }

    // ---- permit path ----

    function test_payPremiumWithPermit_paysWithoutPriorApproval() public {
        uint256 freshKey = 0xC0FFEE;
        address fresh = vm.addr(freshKey);
        usdc.mint(fresh, 50 * USDC);
        LiqPassCheckout.Quote memory q = _quote(ORDER, fresh, 20 * USDC);
        (uint8 v, bytes32 r, bytes32 s) = _permit(freshKey, 20 * USDC, block.timestamp + 1 hours);

        vm.prank(fresh);
        checkout.payPremiumWithPermit(q, _sign(q), block.timestamp + 1 hours, v, r, s);

        vm.assertEq(usdc.balanceOf(treasury), 20 * USDC, "premium arrived");
        vm.assertEq(usdc.allowance(fresh, address(checkout)), 0, "permit covered exactly the premium");
    }

    function test_payPremiumWithPermit_survivesFrontRunPermit() public {
        uint256 freshKey = 0xC0FFEE;
        address fresh = vm.addr(freshKey);
        usdc.mint(fresh, 50 * USDC);
        LiqPassCheckout.Quote memory q = _quote(ORDER, fresh, 20 * USDC);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(freshKey, 20 * USDC, deadline);
        usdc.permit(fresh, address(checkout), 20 * USDC, deadline, v, r, s); // someone submits it first

        vm.prank(fresh);
        checkout.payPremiumWithPermit(q, _sign(q), deadline, v, r, s);
        vm.assertEq(usdc.balanceOf(treasury), 20 * USDC, "payment went through on the existing allowance");
    }

    function test_payPremiumWithPermit_badPermitAndNoAllowanceReverts() public {
        uint256 freshKey = 0xC0FFEE;
        address fresh = vm.addr(freshKey);
        usdc.mint(fresh, 50 * USDC);
        LiqPassCheckout.Quote memory q = _quote(ORDER, fresh, 20 * USDC);
        (uint8 v, bytes32 r, bytes32 s) = _permit(BUYER_KEY, 20 * USDC, block.timestamp + 1 hours); // wrong owner key

        vm.prank(fresh);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(checkout), 0, 20 * USDC)
        );
        checkout.payPremiumWithPermit(q, _sign(q), block.timestamp + 1 hours, v, r, s);
        vm.assertFalse(checkout.paid(ORDER), "nothing recorded");
    }

    /// @dev Changes exactly one field of the quote (0..8, in struct order).
    function _alter(LiqPassCheckout.Quote memory q, uint256 field)
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
        if (field == 0) a.orderId = keccak256(abi.encode(q.orderId));
        else if (field == 1) a.buyer = address(uint160(q.buyer) ^ 1);
        else if (field == 2) a.premium = q.premium + 1;
        else if (field == 3) a.payout = q.payout + 1;
        else if (field == 4) a.payoutCap = q.payoutCap + 1;
        else if (field == 5) a.coverageSeconds = q.coverageSeconds + 1;
        else if (field == 6) a.instrument = "ETH-USDT-SWAP";
        else if (field == 7) a.leverage = q.leverage + 1;
        else a.deadline = q.deadline + 1;
    }
}
