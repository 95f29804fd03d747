/** The last line of every stdout flood; the host always forwards it, so the runner sees the flood drained. */
export const FLOOD_END_MARKER = 'chaos flood end';
