/** The engine's one seeded random source, as the simulation uses it. */
export { createRandom, type Random } from '../random'
