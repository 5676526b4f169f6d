/* Product vs Project: the "Who decides?" quiz (src/product_vs_project/renderers/quiz.py).
 * Loaded only on a page that holds a quiz. Each question's options become buttons;
 * choosing one marks it right or wrong, opens the answer and its explanation, and the
 * score updates in a live region. Nothing is stored or sent. Without this script, each
 * answer folds open on its own. */
(function () {
  "use strict";

  function setup(quiz) {
    if (quiz.dataset.pvpReady) return;
    quiz.dataset.pvpReady = "true";
    var items = Array.prototype.slice.call(quiz.querySelectorAll(".pvp-quiz__item"));
    var score = quiz.querySelector(".pvp-quiz__score");
    var right = 0;
    var answered = 0;

    /* The line starts as the page wrote it (the number of questions); it changes only once
       a question is answered. */
    function update() {
      score.textContent = right + " right out of " + answered + " answered, of " + items.length + " questions." +
        (answered === items.length ? " The RACI tables show who decides what in each kind of team." : "");
    }

    items.forEach(function (item) {
      var list = item.querySelector(".pvp-quiz__options");
      var details = item.querySelector(".pvp-quiz__answer");
      var summary = details.querySelector("summary");
      list.setAttribute("aria-label", "Who decides?");
      Array.prototype.forEach.call(list.children, function (option) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "pvp-quiz__option";
        button.textContent = option.textContent;
        button.dataset.party = option.dataset.party;
        option.textContent = "";
        option.append(button);
        button.addEventListener("click", function () {
          if (item.dataset.answered) return;
          item.dataset.answered = "true";
          var correct = button.dataset.party === item.dataset.answer;
          answered += 1;
          if (correct) right += 1;
          button.setAttribute("aria-pressed", "true");
          Array.prototype.forEach.call(list.querySelectorAll("button"), function (other) {
            other.setAttribute("aria-disabled", "true");
            if (other.dataset.party === item.dataset.answer) other.classList.add("pvp-quiz__option--right");
          });
          if (!correct) button.classList.add("pvp-quiz__option--wrong");
          summary.textContent = correct ? "Right. Why:" : "Not quite. The answer:";
          details.open = true;
          update();
        });
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".pvp-quiz"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
