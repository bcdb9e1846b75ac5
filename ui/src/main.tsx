/* The entry is this small on purpose: index.html's frame (header and navigation) is painted first,
   and only then are the app's styles and code (React, Mantine: most of the first screen's bytes)
   fetched, parsed and run. Imported statically, they would hold back that first paint
   (docs/bench.md, cold start). */
let started = false;
function start() {
  if (started) return;
  started = true;
  void import("./boot").then((m) => m.boot());
}
// After the frame that paints index.html; a window not shown yet gets no frames, hence the timer.
requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 200);
