/** Text files below this are checked by one worker (a second one costs more than it saves). */
export const MIN_SPLIT_BYTES = 4 << 20
