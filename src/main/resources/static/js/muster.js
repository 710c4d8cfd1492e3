// htmx requests carry the CSRF token; selects marked data-autosubmit submit their form on change.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener("change", (event) => {
  if (event.target.matches("select[data-autosubmit]")) {
    event.target.form.requestSubmit();
  }
});
// A form whose work takes a while (an import) shows that it is working and cannot be sent twice.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  if (button && button.dataset.busyText) {
    button.setAttribute("aria-disabled", "true");
    button.textContent = button.dataset.busyText;
    setTimeout(() => (button.disabled = true), 0);
  }
});
