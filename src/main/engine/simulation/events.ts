/** The kinds of events a run schedules. Times are seconds of virtual time (doubles). */
export type SimEventPayload =
  | { type: 'process'; tS: number }
  | {
      type: 'migrate'
      tS: number
      vm: number
      host: number
      from: number
      token: number
      record: number
    }
  | { type: 'fail'; tS: number; host: number; repairS: number }
  | { type: 'repair'; tS: number; host: number }
  | { type: 'restart'; tS: number; vm: number; failure: number }
  | { type: 'fail-instance'; tS: number; vm: number; repairS: number }
  | { type: 'storage-fail'; tS: number; system: number; repairS: number }
  | { type: 'storage-repair'; tS: number; system: number }
  /** A nested layer starts or stops between processing instants: a network instant only. */
  | { type: 'network'; tS: number }

/** The integer event-queue key (milliseconds) of a time in seconds. */
export function toMs(tS: number): number {
  return Math.round(tS * 1000)
}
