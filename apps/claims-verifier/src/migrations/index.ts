import { MESSAGING_MIGRATIONS } from '@liqpass/messaging';
import { AddInsuredSize1764700000000 } from './add-insured-size.migration';
import { CompressEvidenceLz41765300000000 } from './compress-evidence-lz4.migration';
import { CreateClaimsTables1764600000000 } from './create-claims-tables.migration';
import { EvidenceAsJson1765400000000 } from './evidence-as-json.migration';
import { HotVerificationStart1765100000000 } from './hot-verification-start.migration';
import { IndexClaimsByPolicy1765200000000 } from './index-claims-by-policy.migration';
import { IndexFraudLookups1765000000000 } from './index-fraud-lookups.migration';

/** Every migration of the claims-verifier service, in order, as classes (bundles cannot glob). */
export const ClaimsVerifierMigrations: Function[] = [...MESSAGING_MIGRATIONS, CreateClaimsTables1764600000000, AddInsuredSize1764700000000, IndexFraudLookups1765000000000, HotVerificationStart1765100000000, IndexClaimsByPolicy1765200000000, CompressEvidenceLz41765300000000, EvidenceAsJson1765400000000];
