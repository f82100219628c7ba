import { SmokeRecord } from './smoke-record.entity';

export { SmokeRecord };
export const ENTITIES = [SmokeRecord];
