/* The article's "Explanations" switch: its links to the notes and the editor's marks, or
   plain reading. Loaded in the head, not deferred, so that a reader who chose plain reading
   never sees the links flash in: the choice (kept in localStorage, for every page) is on
   <html> before the body is drawn. Without JavaScript the switch stays hidden and the
   explanations are on, links working as links.

   Off, a link to a note loses its href (kept in data-plain-href) and data-card, so it is
   not a link at all: not in the tab order, not announced as a link, no preview card.

   "Copy quote": the paragraph a reader went to by its ¶ (the page's target) gets a button
   that copies its words as received, in quotation marks, with the article's title and the
   paragraph's own link. One button, moved to whichever paragraph is the target.

   A citation's link lands on the words it quotes (a text fragment, #p4:~:text=...); a
   browser that finds none there goes to the paragraph its id names, as the spec says. */
(function () {
  "use strict";
  var KEY = "explainer-explanations";
  var root = document.documentElement;
  root.setAttribute("data-script", "");  // the switch is drawn from the first paint (site.css)

  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }  // storage may be off
  }

  if (stored() === "off") root.setAttribute("data-explanations", "off");

  function move(a, from, to) {
    a.setAttribute(to, a.getAttribute(from));
    a.removeAttribute(from);
  }

  function apply(on) {
    if (on) root.removeAttribute("data-explanations");
    else root.setAttribute("data-explanations", "off");
    var links = document.querySelectorAll(on ? ".source-article a[data-plain-href]" : ".source-article a[data-card]");
    for (var i = 0; i < links.length; i++) {
      move(links[i], on ? "data-plain-href" : "href", on ? "href" : "data-plain-href");
      move(links[i], on ? "data-plain-card" : "data-card", on ? "data-card" : "data-plain-card");
    }
    var button = document.getElementById("explanations");
    if (button) button.setAttribute("aria-checked", on ? "true" : "false");
  }

  // The id the address names: "p4" of "#p4:~:text=..." too (a browser that knows text
  // fragments hides the directive from location.hash; an older one shows it).
  function targetId() {
    return location.hash.slice(1).split(":~:")[0];
  }

  // A text fragment makes the element its words start in the target (a link, an editor's
  // mark), whenever the browser finds them: a mark is outlined only when the address itself
  // names an editor's mark (from the editor's notes), known from the address at once.
  function markFlagTarget() {
    var named = null;
    try { named = targetId() && document.getElementById(decodeURIComponent(targetId())); }
    catch (e) { /* an address with a stray "%": it names nothing */ }
    root.classList.toggle("flag-target", Boolean(named) && named.matches("mark.flag"));
  }

  // The paragraph's words: what a reader selecting it copies (markers and ¶ left out).
  function words(p) {
    var copy = p.cloneNode(true);
    var extra = copy.querySelectorAll(".flag-ref, .pilcrow, .copy-quote");
    for (var i = 0; i < extra.length; i++) extra[i].remove();
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function quote(p) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = new URL(canonical ? canonical.href : location.href);
    url.hash = p.id;
    var title = document.querySelector(".source-article h1");
    return "\u201c" + words(p) + "\u201d \u2014 " + (title ? title.textContent.trim() + ", " : "") + url.href;
  }

  function copyQuote() {
    var copier = document.createElement("button");
    copier.type = "button";
    copier.className = "copy-quote";
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    document.querySelector(".source-article").appendChild(status);
    var label = "Copy quote";

    function place() {
      var id = targetId();
      var p = id && document.getElementById(id);
      if (!p || p.tagName !== "P" || !p.closest(".source-article") || !p.querySelector(".pilcrow")) {
        copier.remove();
        return;
      }
      copier.textContent = label;
      copier.setAttribute("aria-label", "Copy quote: paragraph " + id.replace(/^p/, "") + ", with its link");
      p.querySelector(".pilcrow").after(copier);
    }

    copier.addEventListener("click", function () {
      var p = copier.parentNode;
      navigator.clipboard.writeText(quote(p)).then(function () {
        copier.textContent = status.textContent = "Copied";
        setTimeout(function () { copier.textContent = label; status.textContent = ""; }, 2500);
      }, function () {
        status.textContent = "Not copied: select the paragraph and copy it";
      });
    });
    // A reader who followed a ¶ (Chromium then leaves nothing focused) lands on the button;
    // one arriving at the page by such a link does not: the page starts from its top.
    var followed = false;
    document.querySelector(".source-article").addEventListener("click", function (event) {
      followed = Boolean(event.target.closest && event.target.closest(".pilcrow"));
    });
    window.addEventListener("hashchange", function () {
      place();
      if (followed && copier.isConnected) copier.focus({ preventScroll: true });
      followed = false;
    });
    place();
  }

  document.addEventListener("DOMContentLoaded", function () {
    markFlagTarget();  // from the address alone: not when the browser finds a fragment's words
    window.addEventListener("hashchange", markFlagTarget);
    // The Clipboard API needs a secure context (https, or localhost); without it, no button
    // (selecting and copying a paragraph gives its words as cleanly). If the browser
    // refuses, the reader is told so.
    if (navigator.clipboard && document.querySelector(".source-article p[id] .pilcrow")) copyQuote();
    var button = document.getElementById("explanations");
    if (!button) return;
    apply(!root.hasAttribute("data-explanations"));  // as set above, from the stored choice
    button.parentNode.hidden = false;
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-checked") !== "true";
      try { localStorage.setItem(KEY, on ? "on" : "off"); } catch (e) { /* this page only, then */ }
      apply(on);
    });
  });
})();
