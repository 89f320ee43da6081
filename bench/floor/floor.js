// The floor of `cargo xtask bench`'s first-chart timing: a page that draws nothing and
// sets the mark as soon as its one script runs. Its time is what the harness costs any
// page (a new context, the navigation, the document, one script fetched and run), so the
// time of a real page above it is the part that page's own work decides.
performance.mark('netwerkscan:first-chart');
