// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {LiqPassCheckout} from "../../src/LiqPassCheckout.sol";
import {vm} from "./Vm.sol";

/// @dev Quote digests computed independently of the contract: the typehash and domain are spelled
///      out again on purpose, so a drift in the contract's encoding fails the tests.
library QuoteSigning {
    bytes32 internal constant QUOTE_TYPEHASH = keccak256(
        "Quote(bytes32 orderId,address buyer,uint256 premium,uint256 payout,uint256 payoutCap,uint64 coverageSeconds,string instrument,uint32 leverage,uint64 deadline)"
    );
    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    function digest(LiqPassCheckout.Quote memory q, uint256 chainId, address verifyingContract)
        internal
        pure
        returns (bytes32)
    {
        bytes32 domain = keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("LiqPassCheckout"), keccak256("1"), chainId, verifyingContract)
        );
        bytes32 structHash = keccak256(
            abi.encode(
                QUOTE_TYPEHASH,
                q.orderId,
                q.buyer,
                q.premium,
                q.payout,
                q.payoutCap,
                q.coverageSeconds,
                keccak256(bytes(q.instrument)),
                q.leverage,
                q.deadline
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }

    function sign(uint256 key, bytes32 hash) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, hash);
        return abi.encodePacked(r, s, v);
    }
}
