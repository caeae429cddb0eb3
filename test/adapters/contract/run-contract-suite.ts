// The adapter contract, one suite function for every backend.
import { afterAll, beforeAll, describe } from 'vitest';
import { cancelContract } from './cancel-contract.js';
import { createContractContext } from './contract-context.js';
import type { ContractBackend } from './backends.js';
import { closeContract, describeContract, errorsContract, introspectionContract } from './errors-introspection-contract.js';
import { freeConnectionContract, poolContract, queueContract } from './pool-contract.js';
import { statementsContract } from './statements-contract.js';
import { streamingContract } from './streaming-contract.js';

export function runContractSuite(backend: ContractBackend): void {
  const ctx = createContractContext(backend);
  beforeAll(() => ctx.setUp());
  afterAll(() => ctx.tearDown());
  describe('statements, scripts, transactions, values', () => statementsContract(ctx));
  describe('streaming', () => streamingContract(ctx));
  describe('cancel', () => cancelContract(ctx));
  describe('pool', () => {
    poolContract(ctx);
    freeConnectionContract(ctx);
    queueContract(ctx);
  });
  describe('errors', () => errorsContract(ctx));
  describe('introspection', () => {
    introspectionContract(ctx);
    describeContract(ctx);
  });
  describe('close', () => closeContract(ctx));
}
