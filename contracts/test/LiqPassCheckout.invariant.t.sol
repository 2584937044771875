// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {LiqPassCheckout} from "../src/LiqPassCheckout.sol";
import {CheckoutHandler} from "./handlers/CheckoutHandler.sol";
import {MockUSDC} from "./mocks/MockUSDC.sol";
import {vm} from "./utils/Vm.sol";

/// @dev Stateful fuzzing over CheckoutHandler's actions; see foundry.toml [invariant] for runs/depth.
contract LiqPassCheckoutInvariantTest {
    uint256 private constant SIGNER_KEY = 0xA11CE;
    address private constant ADMIN = address(0x5AFE);
    address private constant PAUSER = address(0x9A05E);
    address private constant TREASURY = address(0x7EA5);

    MockUSDC private usdc;
    LiqPassCheckout private checkout;
    CheckoutHandler private handler;
    uint256 private initialSupply;

    function setUp() public {
        vm.warp(1_750_000_000);
        usdc = new MockUSDC();
        checkout = new LiqPassCheckout(usdc, TREASURY, vm.addr(SIGNER_KEY), ADMIN, PAUSER);
        handler = new CheckoutHandler(checkout, usdc, SIGNER_KEY, ADMIN, PAUSER);
        initialSupply = usdc.totalSupply();
    }

    /// @dev Read by forge (the StdInvariant convention): fuzz only the handler's actions.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function invariant_treasuryInflowEqualsPremiumsPaid() public view {
        vm.assertEq(usdc.balanceOf(TREASURY), handler.ghostPremiums(), "treasury inflow = sum of premiums");
    }

    function invariant_checkoutHoldsNothing() public view {
        vm.assertEq(usdc.balanceOf(address(checkout)), 0, "checkout balance");
    }

    function invariant_noOrderIdPaidTwice() public view {
        vm.assertEq(handler.ghostDoublePays(), 0, "an order id was paid twice");
        uint256 n = handler.paidCount();
        for (uint256 i = 0; i < n; i++) {
            vm.assertTrue(checkout.paid(handler.paidOrders(i)), "a paid order is not marked paid");
        }
    }

    function invariant_tamperedQuotesNeverPay() public view {
        vm.assertEq(handler.ghostForgeries(), 0, "a tampered quote was paid");
    }

    function invariant_pausedMeansNothingMoves() public view {
        vm.assertEq(handler.ghostMovedWhilePaused(), 0, "a payment went through while paused");
    }

    function invariant_moneyIsConserved() public view {
        uint256 held = usdc.balanceOf(TREASURY);
        for (uint256 i = 1; i <= 4; i++) {
            held += usdc.balanceOf(handler.actor(i));
        }
        vm.assertEq(held, initialSupply, "buyers + treasury = everything minted");
        vm.assertEq(usdc.totalSupply(), initialSupply, "no mint or burn");
    }
}
