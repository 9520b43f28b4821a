/**
 * The smallest window the app's layout is made for: the Electron window cannot be made
 * narrower or lower, and the e2e tests check the layout at this size (review s9u C11: the side
 * panel's tabs overflowed in a narrow window).
 */
export const MIN_WINDOW_WIDTH_PX = 1024
/** The smallest window height the layout is made for. */
export const MIN_WINDOW_HEIGHT_PX = 600
