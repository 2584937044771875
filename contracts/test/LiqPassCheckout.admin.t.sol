// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {LiqPassCheckout} from "../src/LiqPassCheckout.sol";
import {ERC1271Wallet} from "./mocks/ERC1271Wallet.sol";
import {CheckoutTestBase} from "./utils/CheckoutTestBase.sol";
import {vm} from "./utils/Vm.sol";

/// @dev Pausing, signer rotation (EOA and ERC-1271 wallet), treasury, sweep and roles.
///      Where an expected error reads a role getter (checkout.PAUSER_ROLE()), expectRevert comes
///      before prank: evaluating the getter is itself a call and would use up the prank.
contract LiqPassCheckoutAdminTest is CheckoutTestBase {
    bytes32 internal constant ORDER = keccak256("order-1");

    // ---- pausing ----

    function test_pause_stopsBothPayPaths_andOnlyAdminUnpauses() public {
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, USDC);
        bytes memory sig = _sign(q);
        vm.prank(pauser);
        checkout.pause();

        vm.prank(buyer);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        checkout.payPremium(q, sig);
        vm.prank(buyer);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        checkout.payPremiumWithPermit(q, sig, 0, 0, bytes32(0), bytes32(0));
        vm.assertEq(usdc.balanceOf(treasury), 0, "nothing moved while paused");

        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, pauser, checkout.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(pauser);
        checkout.unpause();

        vm.prank(admin);
        checkout.unpause();
        vm.prank(buyer);
        checkout.payPremium(q, sig);
        vm.assertEq(usdc.balanceOf(treasury), USDC, "pays again after unpause");
    }

    function test_pause_onlyPauser() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, buyer, checkout.PAUSER_ROLE()
            )
        );
        vm.prank(buyer);
        checkout.pause();
    }

    // ---- signer rotation and contract-wallet signers ----

    function test_setQuoteSigner_rotatesSigner() public {
        uint256 newKey = 0xD00D;
        address newSigner = vm.addr(newKey);
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, USDC);
        bytes memory oldSig = _sign(q);

        vm.expectEmit(true, true, true, true, address(checkout));
        emit LiqPassCheckout.QuoteSignerChanged(signer, newSigner);
        vm.prank(admin);
        checkout.setQuoteSigner(newSigner);

        vm.prank(buyer);
        vm.expectRevert(LiqPassCheckout.InvalidSignature.selector);
        checkout.payPremium(q, oldSig);

        vm.prank(buyer);
        checkout.payPremium(q, _signDigest(newKey, _digest(q, block.chainid, address(checkout))));
        vm.assertTrue(checkout.paid(ORDER), "new signer's quote pays");
    }

    function test_setQuoteSigner_onlyAdmin_notZero() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, pauser, checkout.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(pauser);
        checkout.setQuoteSigner(address(1));
        vm.prank(admin);
        vm.expectRevert(LiqPassCheckout.ZeroAddress.selector);
        checkout.setQuoteSigner(address(0));
    }

    function test_contractWalletSigner_ERC1271() public {
        ERC1271Wallet wallet = new ERC1271Wallet(signer);
        vm.prank(admin);
        checkout.setQuoteSigner(address(wallet));
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, USDC);
        bytes memory sig = _sign(q); // the wallet's owner key signs; the wallet vouches for it

        wallet.setEnabled(false);
        vm.prank(buyer);
        vm.expectRevert(LiqPassCheckout.InvalidSignature.selector);
        checkout.payPremium(q, sig);

        wallet.setEnabled(true);
        vm.prank(buyer);
        checkout.payPremium(q, sig);
        vm.assertEq(usdc.balanceOf(treasury), USDC, "contract-wallet-signed quote pays");
    }

    // ---- treasury and sweep ----

    function test_setTreasury_redirectsLaterPremiums() public {
        address newTreasury = address(0x7EA52);
        vm.prank(admin);
        checkout.setTreasury(newTreasury);
        LiqPassCheckout.Quote memory q = _quote(ORDER, buyer, USDC);
        vm.prank(buyer);
        checkout.payPremium(q, _sign(q));
        vm.assertEq(usdc.balanceOf(newTreasury), USDC, "premium went to the new treasury");
        vm.assertEq(usdc.balanceOf(treasury), 0, "old treasury untouched");
    }

    function test_setTreasury_onlyAdmin() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, buyer, checkout.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(buyer);
        checkout.setTreasury(buyer);
    }

    function test_sweep_sendsStrayTokensToTreasuryOnly() public {
        usdc.mint(address(checkout), 7 * USDC);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, buyer, checkout.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(buyer);
        checkout.sweep(usdc);
        vm.prank(admin);
        checkout.sweep(usdc);
        vm.assertEq(usdc.balanceOf(treasury), 7 * USDC, "stray tokens reach the treasury");
        vm.assertEq(usdc.balanceOf(address(checkout)), 0, "checkout emptied");
    }

    function test_constructor_grantsRolesOnlyToAdminAndPauser() public view {
        vm.assertTrue(checkout.hasRole(checkout.DEFAULT_ADMIN_ROLE(), admin), "admin role");
        vm.assertTrue(checkout.hasRole(checkout.PAUSER_ROLE(), pauser), "pauser role");
        vm.assertFalse(checkout.hasRole(checkout.DEFAULT_ADMIN_ROLE(), address(this)), "deployer keeps nothing");
        vm.assertEq(checkout.quoteSigner(), signer, "signer");
        vm.assertEq(checkout.treasury(), treasury, "treasury");
        vm.assertEq(address(checkout.token()), address(usdc), "token");
    }
}
