// Built-in programs, opened with `#example=<name>` or the example picker.
// The first one is what the page shows with no hash.

export const EXAMPLES = {
  arithmetic: {
    title: "Arithmetic and print",
    source: "x = 1 + 2\ny = x * 4\nprint(x, y)\n",
  },
  function: {
    title: "A function call",
    source: "def square(n):\n    return n * n\n\nprint(square(7))\n",
  },
  loop: {
    title: "A for loop",
    source: "total = 0\nfor i in range(4):\n    total += i\nprint(total)\n",
  },
  branch: {
    title: "if / else",
    source: "n = 5\nif n % 2 == 0:\n    print('even')\nelse:\n    print('odd')\n",
  },
  recursion: {
    title: "Recursion (frames)",
    source: "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\n\nprint(fact(4))\n",
  },
  list: {
    title: "Lists and comprehensions",
    source: "squares = [n * n for n in range(5)]\nprint(squares)\nprint(sum(squares))\n",
  },
  exception: {
    title: "An exception",
    source: "def divide(a, b):\n    return a / b\n\nprint(divide(1, 0))\n",
  },
};

export const DEFAULT_EXAMPLE = "arithmetic";
