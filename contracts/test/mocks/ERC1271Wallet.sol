// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @dev A contract-wallet quote signer: approves a hash signed by its owner key, unless disabled.
contract ERC1271Wallet is IERC1271 {
    address public immutable owner;
    bool public enabled = true;

    constructor(address owner_) {
        owner = owner_;
    }

    function setEnabled(bool value) external {
        enabled = value;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, signature);
        bool ok = enabled && err == ECDSA.RecoverError.NoError && recovered == owner;
        return ok ? IERC1271.isValidSignature.selector : bytes4(0xffffffff);
    }
}
