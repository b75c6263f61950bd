/* Larger text (大字模式): the visitor's choice kept in this browser, so it lasts from page to page while
   every page stays the same for everyone (the server never knows). Loaded in the head, before the page
   is drawn, so a page never flashes in the small size first.

   Without JavaScript the switch is a link to the same page with ?text=large (or ?text=standard), and the
   server keeps that parameter on the site's links. A page opened that way keeps its own switch as a link,
   and its size becomes the remembered choice. */
(function () {
  "use strict";
  var KEY = "text-size";
  var LARGE = "large";
  var root = document.documentElement;
  var fromAddress = new URLSearchParams(window.location.search).get("text");

  function remember(size) {
    try { window.localStorage.setItem(KEY, size); } catch (error) { /* private mode: this page only */ }
  }

  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }

  if (fromAddress) {
    remember(fromAddress === LARGE ? LARGE : "standard");
  } else if (remembered() === LARGE) {
    root.classList.add("text-large");
  }

  function makeButton(link) {
    var button = document.createElement("button");
    button.type = "button";
    button.id = link.id;
    button.className = link.className;
    button.textContent = link.textContent;
    button.setAttribute("aria-pressed", String(root.classList.contains("text-large")));
    button.addEventListener("click", function () {
      // Keep the visitor's place: the switch stays where it was on the screen as the text grows or shrinks.
      var before = button.getBoundingClientRect().top;
      var large = root.classList.toggle("text-large");
      button.setAttribute("aria-pressed", String(large));
      remember(large ? LARGE : "standard");
      window.scrollBy(0, button.getBoundingClientRect().top - before);
    });
    link.replaceWith(button);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var link = document.querySelector("[data-text-size]");
    if (link && !fromAddress) { makeButton(link); }
  });
}());
