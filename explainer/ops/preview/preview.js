/* Live preview, added by `make devserver` to the pages it serves (explainer/devserver.py);
   never part of the published site.

   The server sends an event for every build that finishes (Server-Sent Events on
   /__live/events, the last build first): its number and what it found wrong. A build that
   succeeded after the one this page came from reloads the page; a build that failed shows
   its problems over the page (the page itself stays the last good build, or, before any build
   succeeded, the server's page saying so), as the terminal printed them. The panel is built
   with DOM APIs and textContent only (the page's Content-Security-Policy allows no inline
   script or style, and a problem is text, never markup). Escape hides it until the next
   build. Pages in the background hold no connection (browsers allow only a few per server):
   they catch up when shown again. */
(() => {
  "use strict";

  const EVENTS = "/__live/events";
  // The dev server's page for any address while no build has succeeded: there is no last
  // good build under the panel.
  const notBuilt = document.querySelector('meta[name="explainer-live"][content="not-built"]') !== null;

  // The build this page was served after: {server, generation}, from its Server-Timing
  // header; without it, the first build the events tell of.
  function servedAfter() {
    const navigation = performance.getEntriesByType("navigation")[0];
    const timing = navigation && (navigation.serverTiming || []).find((t) => t.name === "live");
    if (!timing) return null;
    const at = timing.description.lastIndexOf(":");
    return { server: timing.description.slice(0, at), generation: Number(timing.description.slice(at + 1)) };
  }

  let page = servedAfter();
  let source = null;
  let retry = null;
  let delay = 1000;
  let panel = null;
  let list = null;
  let dismissed = null;

  function newer(build) {
    return build.server !== page.server || build.generation > page.generation;
  }

  function update(build) {
    if (page === null) page = { server: build.server, generation: build.ok ? build.generation : build.generation - 1 };
    if (!build.ok) {
      show(build);
    } else if (newer(build)) {
      disconnect();
      keepPlace();
      location.reload();
    } else {
      hide();
    }
  }

  // Where the reader is, kept across the reload: the first element with an id whose bottom is
  // in view, and how far from the window's top it is. The browser's own restoring gives way
  // to the address's fragment when the page has one (a reader who followed a ¶ and read on
  // was taken back to it, or near it), and a scroll offset alone drifts when the edit changed
  // what is above.
  const PLACE = "explainer-live-place";

  function keepPlace() {
    const shown = [...document.querySelectorAll("main [id]")].find((e) => e.getBoundingClientRect().bottom > 0);
    try {
      sessionStorage.setItem(PLACE, JSON.stringify({
        url: location.href, x: scrollX, y: scrollY,
        id: shown ? shown.id : null, top: shown ? shown.getBoundingClientRect().top : 0,
      }));
      history.scrollRestoration = "manual";
    } catch (error) {
      // no storage (a private window may refuse it): the browser restores what it can
    }
  }

  function restorePlace() {
    let place = null;
    try {
      place = JSON.parse(sessionStorage.getItem(PLACE));
      sessionStorage.removeItem(PLACE);
    } catch (error) {
      return;
    }
    history.scrollRestoration = "auto"; // for this entry's later visits (back, forward)
    if (!place || place.url !== location.href) return;
    const shown = place.id && document.getElementById(place.id);
    const y = shown ? shown.getBoundingClientRect().top + scrollY - place.top : place.y;
    window.scrollTo(place.x, y);
  }

  if (document.readyState === "complete") restorePlace(); else window.addEventListener("load", restorePlace);

  function element(name, className, text) {
    const node = document.createElement(name);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(build) {
    if (dismissed === build.generation) return;
    if (panel === null) {
      panel = element("section", "explainer-live");
      panel.setAttribute("role", "alert");
      panel.setAttribute("aria-labelledby", "explainer-live-title");
      panel.tabIndex = 0; // it may scroll: reachable from the keyboard, and left with Tab as anything else
      const title = element("h2", "explainer-live-title", "The site did not build");
      title.id = "explainer-live-title";
      list = element("ul", "explainer-live-problems");
      const note = element("p", "explainer-live-note", notBuilt
        ? "No build has succeeded yet: the site loads here by itself once the problems are fixed " +
          "(Escape hides this message)."
        : "This page is the last good build. It comes back by itself once the problems are fixed " +
          "(Escape hides this message).");
      panel.append(title, list, note);
    }
    panel.dataset.generation = String(build.generation);
    list.replaceChildren(...build.problems.map((problem) => element("li", "explainer-live-problem", problem)));
    if (!panel.isConnected) document.body.append(panel);
  }

  function hide() {
    if (panel !== null) panel.remove();
  }

  function connect() {
    if (source !== null || document.visibilityState === "hidden") return;
    clearTimeout(retry);
    source = new EventSource(EVENTS);
    source.addEventListener("build", (event) => update(JSON.parse(event.data)));
    source.addEventListener("open", () => { delay = 1000; });
    source.addEventListener("error", () => {
      // The browser reconnects by itself unless it gave up (the server answered oddly, or
      // was not there): then try again, less and less often.
      if (source !== null && source.readyState === EventSource.CLOSED) {
        source = null;
        retry = setTimeout(connect, delay);
        delay = Math.min(2 * delay, 10000);
      }
    });
  }

  function disconnect() {
    clearTimeout(retry);
    if (source !== null) source.close();
    source = null;
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") disconnect(); else connect();
  });
  window.addEventListener("pagehide", disconnect);
  window.addEventListener("pageshow", (event) => { if (event.persisted) connect(); });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && panel !== null && panel.isConnected) {
      dismissed = Number(panel.dataset.generation);
      hide();
    }
  });
  connect();
})();
