// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title LiqPassCheckout — takes a trader's premium for a backend-signed quote, straight to the treasury.
/// @notice Owns: the set of paid order ids and the `PremiumPaid` record the payment listener reads.
///         Never holds funds (the premium moves buyer → treasury in one transferFrom), never pays
///         out, and is not upgradeable: a new version is a new address the listener also watches.
contract LiqPassCheckout is AccessControl, Pausable, ReentrancyGuard, EIP712 {
    using SafeERC20 for IERC20;

    /// @notice The backend's offer. Field names are exactly the keys of `typedData.message` from POST /quote.
    struct Quote {
        bytes32 orderId; // the purchase order's on-chain id; payable once
        address buyer; // the only account allowed to pay this quote
        uint256 premium; // token base units (USDC: 6 decimals)
        uint256 payout; // fixed payout on a covered liquidation, token base units
        uint256 payoutCap; // upper bound on any payout for this policy, token base units
        uint64 coverageSeconds; // coverage length from activation
        string instrument; // OKX instId, e.g. "BTC-USDT-SWAP"
        uint32 leverage; // leverage in hundredths (10x = 1000) so fractional OKX levers fit
        uint64 deadline; // unix seconds; the quote cannot be paid after it
    }

    bytes32 public constant QUOTE_TYPEHASH = keccak256(
        "Quote(bytes32 orderId,address buyer,uint256 premium,uint256 payout,uint256 payoutCap,uint64 coverageSeconds,string instrument,uint32 leverage,uint64 deadline)"
    );
    /// @notice May pause payments. Unpausing is the admin's (the Safe's) decision alone.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    /// @notice The settlement token (USDC). Fixed: another token means another checkout.
    IERC20 public immutable token;
    address public treasury;
    address public quoteSigner;
    mapping(bytes32 orderId => bool) public paid;

    /// @notice Everything the listener and the policy service need, so neither reads contract state.
    event PremiumPaid(
        bytes32 indexed orderId,
        address indexed buyer,
        address token,
        uint256 premium,
        uint256 payout,
        uint256 payoutCap,
        uint64 coverageSeconds,
        bytes32 quoteHash,
        address treasury
    );
    event QuoteSignerChanged(address indexed previousSigner, address indexed newSigner);
    event TreasuryChanged(address indexed previousTreasury, address indexed newTreasury);

    error ZeroAddress();
    error NotBuyer(address sender, address buyer);
    error QuoteExpired(uint64 deadline);
    error ZeroPremium();
    error OrderAlreadyPaid(bytes32 orderId);
    error InvalidSignature();
    /// @dev The treasury did not receive exactly the premium (fee-on-transfer or rebasing token).
    error TreasuryInflowMismatch(uint256 expected, uint256 received);

    constructor(IERC20 token_, address treasury_, address quoteSigner_, address admin, address pauser)
        EIP712("LiqPassCheckout", "1")
    {
        if (address(token_) == address(0) || admin == address(0) || pauser == address(0)) revert ZeroAddress();
        token = token_;
        _setTreasury(treasury_);
        _setQuoteSigner(quoteSigner_);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, pauser);
    }

    // ---- paying ----

    /// @notice Pays `quote.premium` from the caller (who must be the buyer) after an ERC-20 approve.
    function payPremium(Quote calldata quote, bytes calldata signature)
        external
        nonReentrant
        whenNotPaused
        returns (bytes32 quoteHash)
    {
        return _pay(quote, signature);
    }

    /// @notice Same as payPremium, with an EIP-2612 permit for exactly the premium in the same transaction.
    /// @dev The permit is best-effort: anyone can submit a seen permit first (front-running), which
    ///      would make ours revert. If it fails, an existing allowance still lets the payment through.
    function payPremiumWithPermit(
        Quote calldata quote,
        bytes calldata signature,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant whenNotPaused returns (bytes32 quoteHash) {
        try IERC20Permit(address(token)).permit(msg.sender, address(this), quote.premium, permitDeadline, v, r, s) {}
            catch {}
        return _pay(quote, signature);
    }

    /// @notice The EIP-712 digest of a quote on this chain and contract: the `quoteHash` in PremiumPaid.
    function hashQuote(Quote calldata quote) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    QUOTE_TYPEHASH,
                    quote.orderId,
                    quote.buyer,
                    quote.premium,
                    quote.payout,
                    quote.payoutCap,
                    quote.coverageSeconds,
                    keccak256(bytes(quote.instrument)),
                    quote.leverage,
                    quote.deadline
                )
            )
        );
    }

    function _pay(Quote calldata quote, bytes calldata signature) private returns (bytes32 quoteHash) {
        if (quote.buyer != msg.sender) revert NotBuyer(msg.sender, quote.buyer);
        // Validators can skew the clock by seconds; quote deadlines are minutes long, so that is harmless.
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp > quote.deadline) revert QuoteExpired(quote.deadline);
        if (quote.premium == 0) revert ZeroPremium();
        if (paid[quote.orderId]) revert OrderAlreadyPaid(quote.orderId);
        quoteHash = hashQuote(quote);
        // SignatureChecker accepts an EOA (ECDSA, non-malleable) or a contract wallet (ERC-1271).
        if (!SignatureChecker.isValidSignatureNowCalldata(quoteSigner, quoteHash, signature)) {
            revert InvalidSignature();
        }

        paid[quote.orderId] = true;
        address to = treasury;
        uint256 before = token.balanceOf(to);
        token.safeTransferFrom(msg.sender, to, quote.premium);
        uint256 received = token.balanceOf(to) - before;
        if (received != quote.premium) revert TreasuryInflowMismatch(quote.premium, received);

        emit PremiumPaid(
            quote.orderId,
            msg.sender,
            address(token),
            quote.premium,
            quote.payout,
            quote.payoutCap,
            quote.coverageSeconds,
            quoteHash,
            to
        );
    }

    // ---- administration (the Safe) ----

    /// @notice Rotates the quote signer; quotes signed by the previous one stop being payable at once.
    function setQuoteSigner(address newSigner) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setQuoteSigner(newSigner);
    }

    function setTreasury(address newTreasury) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setTreasury(newTreasury);
    }

    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    /// @notice Moves tokens sent here by mistake to the treasury — the only place they can go.
    function sweep(IERC20 anyToken) external onlyRole(DEFAULT_ADMIN_ROLE) {
        anyToken.safeTransfer(treasury, anyToken.balanceOf(address(this)));
    }

    function _setQuoteSigner(address newSigner) private {
        if (newSigner == address(0)) revert ZeroAddress();
        emit QuoteSignerChanged(quoteSigner, newSigner);
        quoteSigner = newSigner;
    }

    function _setTreasury(address newTreasury) private {
        if (newTreasury == address(0)) revert ZeroAddress();
        emit TreasuryChanged(treasury, newTreasury);
        treasury = newTreasury;
    }
}
