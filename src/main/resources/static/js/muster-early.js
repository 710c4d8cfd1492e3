// Runs before the page renders: lets the stylesheet hide controls that scripts make unnecessary.
document.documentElement.classList.add("js-enabled");
