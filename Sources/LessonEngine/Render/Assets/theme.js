// Applies the reader's chosen theme before the page paints (site.js toggles it).
(function () {
  try {
    var theme = localStorage.getItem("lessons-theme");
    if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
  } catch (error) { /* storage may be unavailable; the system theme applies */ }
})();
