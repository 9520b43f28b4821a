/** Pack (most allocated, like kube-scheduler's MostAllocated): 1 - the spread score, 0..1. */
import type { SchedulerWeigher } from '../types'
import { freeFractionAfter } from './spread'

export const packWeigher: SchedulerWeigher = {
  name: 'pack',
  score: (st, w, h) => 1 - freeFractionAfter(st, w, h),
}
