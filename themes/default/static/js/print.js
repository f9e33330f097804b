// Buttons marked data-print print the page (the certificate is laid out for A4).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () {
    window.print();
  });
});
