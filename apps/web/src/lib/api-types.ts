// The gateway's answers: one definition for every client in the repository (libs/api-types).
export type * from '@liqpass/api-types';
