// Light and dark themes: the system's preference until the reader picks one,
// which is remembered.

const KEY = "pvm.theme";

function stored() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

function apply(theme) {
  document.documentElement.dataset.theme = theme;
  const button = document.querySelector('[data-testid="theme"]');
  if (button) {
    button.setAttribute("aria-pressed", String(theme === "dark"));
    button.textContent = theme === "dark" ? "☀ Light" : "☾ Dark";
  }
}

export function initTheme() {
  const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches;
  apply(stored() ?? (dark ? "dark" : "light"));
}

export function toggleTheme() {
  const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
  try { localStorage.setItem(KEY, next); } catch { /* storage disabled: this page only */ }
  apply(next);
}
