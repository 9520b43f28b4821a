/**
 * A run's datacenter-wide time series, one value per sample: what runs of an experiment
 * compared side by side draw (issue 16). Computed by the engine (`experiments/run-series.ts`)
 * from a simulation result; sent by `experiments:series`.
 */
export interface RunSeries {
  /** Sample instants, seconds of virtual time. */
  timesS: number[]
  /** Power of every host (and storage system when modelled), W. */
  powerW: number[]
  activeHosts: number[]
  /**
   * CPU SLA violation at the sample: (requested - allocated) / requested MIPS summed over every
   * tenant (CloudSim's overall SLA violation taken at one instant), percent in 0..100; 0 when
   * nothing is requested.
   */
  slaViolationPercent: number[]
}
