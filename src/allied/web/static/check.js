// /check: Esc closes the explanation shown for a highlighted claim (WCAG 1.4.13), which
// stays closed until the pointer or the focus leaves that claim.
"use strict";
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const claim of document.querySelectorAll(".claim:hover, .claim:focus, .claim:focus-within")) {
    claim.classList.add("tip-dismissed");
  }
});
for (const claim of document.querySelectorAll(".claim")) {
  const reopen = () => claim.classList.remove("tip-dismissed");
  claim.addEventListener("mouseleave", reopen);
  claim.addEventListener("focusout", reopen);
}
