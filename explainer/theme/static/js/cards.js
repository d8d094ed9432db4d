/* Preview cards for links to notes (progressive enhancement; without this script the links
   simply go to their pages). The card contents are already in the page, in the hidden
   #note-cards container, so nothing is fetched on hover.

   WCAG 2.2 1.4.13 (content on hover or focus): a card is dismissible (Escape), hoverable
   (the pointer can move onto it) and persistent (it stays until the pointer or focus
   leaves, or Escape). On touch, the first tap shows the card and the second follows the
   link. The card's own link is out of the tab order, so it never traps focus. */
(function () {
  "use strict";
  // Besides the cards, on every page: a point of a drawing wider than its box (the timeline
  // strip, the relationship map) comes into view when the keyboard reaches it (Chromium
  // leaves a point half past the box's edge where it is).
  document.addEventListener("focusin", function (e) {
    if (e.target.closest && e.target.closest(".visual-scroll svg")) {
      e.target.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  });
  var store = document.getElementById("note-cards");
  if (!store) return;

  var pop = document.createElement("div");
  pop.className = "card-pop";
  pop.id = "card-pop";
  pop.setAttribute("role", "tooltip");
  pop.hidden = true;
  document.body.appendChild(pop);

  var current = null;   // the link whose card is shown
  var hideTimer = 0;
  var lastPointer = "mouse";
  var shownBeforeTap = false;  // was this link's card already open when the tap began?

  function linkOf(target) {
    return target && target.closest ? target.closest("a[data-card]") : null;
  }

  function para(className, text, tag) {
    var p = document.createElement(tag || "p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  // The link from a card's statement to the paragraph it rests on: "¶ 4", heard as
  // "Paragraph 4" (on the article's page) or "Paragraph 4 of the article".
  function citeLink(card) {
    var href = card.dataset.cite;
    var n = (href.match(/#p(\d+)(?::~:|$)/) || ["", "?"])[1];  // "#p4", "#p4:~:text=..."
    var of = card.dataset.of;
    var a = document.createElement("a");
    a.className = "card-cite";
    a.href = href;
    a.tabIndex = -1;
    a.textContent = "\u00b6\u00a0" + n + (of ? " of \u201c" + of + "\u201d" : "");
    a.setAttribute("aria-label", "Paragraph " + n + (of ? " of " + of : href.charAt(0) === "#" ? "" : " of the article"));
    return a;
  }

  // Cards are stored as <span id="card-KEY" data-kind data-name>text</span>; an entity's or
  // a term's as <span ... data-cite="#p4">what the article says<small>background</small></span>
  // (data-of: the article's title, when another article's). Lay one out.
  function layout(card, link) {
    var key = link.getAttribute("data-card");
    var more = document.createElement("a");
    more.className = "card-more";
    more.href = link.href;
    more.tabIndex = -1;  // out of the tab order: the card never takes focus
    var prefix = key.split("-")[0];
    more.textContent = prefix === "entity" ? "More about " + card.dataset.name
      : { term: "In the glossary", figure: "In the key figures", event: "In the timeline" }[prefix] || "Read the note";
    var parts = [para("card-kind", card.dataset.kind), para("card-name", card.dataset.name)];
    var background = card.querySelector("small");
    if (card.dataset.cite) {
      var said = para("card-text", (card.firstChild && card.firstChild.nodeType === 3 ? card.firstChild.data : "") + " ");
      said.appendChild(citeLink(card));
      parts.push(said);
    } else if (!background) {
      parts.push(para("card-text", card.textContent));
    }
    if (background) {
      var bg = para("card-bg", " " + background.textContent);
      bg.prepend(para("card-label", "Background", "span"));
      parts.push(bg);
    }
    parts.push(more);
    pop.replaceChildren.apply(pop, parts);
  }

  function show(link) {
    var card = document.getElementById("card-" + link.getAttribute("data-card"));
    if (!card) return;
    clearTimeout(hideTimer);
    if (current && current !== link) current.removeAttribute("aria-describedby");
    layout(card, link);
    pop.hidden = false;
    place(link);
    link.setAttribute("aria-describedby", "card-pop");
    current = link;
  }

  function hide() {
    clearTimeout(hideTimer);
    pop.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function place(link) {
    var r = link.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    pop.style.width = width + "px";
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    var below = r.bottom + 8;
    var above = r.top - pop.offsetHeight - 8;
    var top = below + pop.offsetHeight > window.innerHeight && above > 0 ? above : below;
    pop.style.left = left + window.scrollX + "px";
    pop.style.top = top + window.scrollY + "px";
  }

  document.addEventListener("pointerdown", function (e) {
    lastPointer = e.pointerType || "mouse";
    var link = linkOf(e.target);
    shownBeforeTap = !!link && link === current && !pop.hidden;
  }, true);

  document.addEventListener("mouseover", function (e) {
    var link = linkOf(e.target);
    if (link && lastPointer === "mouse") show(link);
    else if (pop.contains(e.target)) clearTimeout(hideTimer);
  });

  document.addEventListener("mouseout", function (e) {
    if (lastPointer !== "mouse" || !current) return;
    var into = e.relatedTarget;
    if (into && (into === current || current.contains(into) || pop.contains(into))) return;
    if (linkOf(e.target) === current || pop.contains(e.target)) hideSoon();
  });

  document.addEventListener("focusin", function (e) {
    var link = linkOf(e.target);
    if (link) show(link);
    else if (!pop.contains(e.target)) hide();
  });

  document.addEventListener("focusout", function (e) {
    if (linkOf(e.target) === current && !pop.contains(e.relatedTarget)) hideSoon();
  });

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !pop.hidden) hide();
  });

  // Touch: the first tap on a link shows its card, a second tap follows the link.
  document.addEventListener("click", function (e) {
    var link = linkOf(e.target);
    if (link && lastPointer !== "mouse" && !shownBeforeTap) {
      e.preventDefault();
      show(link);
    } else if (!link && (!pop.contains(e.target) || e.target.closest(".card-cite"))) {
      hide();  // outside the card, or off to the paragraph its statement rests on
    }
  });

  window.addEventListener("resize", function () { if (current) place(current); });
})();
