"""Compiles the regular expressions of libphonenumber's metadata into automata.

Python's own parser (`re._parser`, formerly `sre_parse`) reads each pattern, so a pattern
means exactly what it means to Python's `re`, the engine the `phonenumbers` package runs
them with. From its tree this module builds:

- deterministic automata (DFAs) for the questions that need only a yes or no: does the
  whole text match (national number patterns, viability), does some prefix match (leading
  digits), and, by running the automaton backwards, where the leftmost match of a pattern
  anchored at the end starts (extensions);
- backtracking programs for the questions whose answer depends on the order in which
  Python tries the alternatives: where a match at the start ends, and what its groups hold
  (international and national prefixes, the groups of a formatting pattern).

Symbols are small integers: the ten digits for patterns run over normalised national
numbers, or the classes of `text_classes` for patterns run over raw text.
"""

try:
    import re._parser as sre_parse
    import re._constants as C
except ImportError:  # Python before 3.11
    import sre_parse  # type: ignore
    import sre_constants as C  # type: ignore


class Unsupported(Exception):
    pass


def parse(pattern, flags=0):
    return sre_parse.parse(pattern, flags)


# --- Character sets ---------------------------------------------------------------------

def char_nodes(tree):
    """Every node of `tree` that tests one character, as (op, av)."""
    out = []
    for op, av in tree:
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            out.append((op, av))
        elif op == C.SUBPATTERN:
            out.extend(char_nodes(av[3]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            out.extend(char_nodes(av[2]))
        elif op == C.BRANCH:
            for alt in av[1]:
                out.extend(char_nodes(alt))
        elif op == C.AT:
            pass
        else:
            raise Unsupported("operator %s" % op)
    return out


def _escape(cp):
    return "\\U%08x" % cp


_CATEGORIES = {
    C.CATEGORY_DIGIT: "\\d", C.CATEGORY_NOT_DIGIT: "\\D",
    C.CATEGORY_WORD: "\\w", C.CATEGORY_NOT_WORD: "\\W",
    C.CATEGORY_SPACE: "\\s", C.CATEGORY_NOT_SPACE: "\\S",
}


def node_source(op, av):
    """A pattern matching one character exactly as the node does."""
    if op == C.LITERAL:
        return _escape(av)
    if op == C.NOT_LITERAL:
        return "[^" + _escape(av) + "]"
    if op == C.ANY:
        return "."
    if op == C.IN:
        parts = []
        for iop, iav in av:
            if iop == C.NEGATE:
                parts.insert(0, "^")
            elif iop == C.LITERAL:
                parts.append(_escape(iav))
            elif iop == C.RANGE:
                parts.append(_escape(iav[0]) + "-" + _escape(iav[1]))
            elif iop == C.CATEGORY:
                parts.append(_CATEGORIES[iav])
            else:
                raise Unsupported("set item %s" % iop)
        return "[" + "".join(parts) + "]"
    raise Unsupported("node %s" % op)


def digit_mask(op, av, flags=0):
    """The digits 0-9 a node matches, as a 10-bit mask (bit d for digit d)."""
    import re
    rx = re.compile(node_source(op, av), flags)
    mask = 0
    for d in range(10):
        if rx.fullmatch(str(d)):
            mask |= 1 << d
    return mask


# --- NFA --------------------------------------------------------------------------------

class NFA:
    """Thompson automaton: epsilon moves and moves on sets of symbols."""

    def __init__(self):
        self.eps = []
        self.moves = []
        self.accept = {}  # state -> tag bits

    def state(self):
        self.eps.append([])
        self.moves.append([])
        return len(self.eps) - 1

    def build(self, tree, start, symbols, position=None):
        """Adds `tree` after `start`; returns the state where it ends. `symbols(op, av)` gives
        the set of symbols a character node matches."""
        at = start
        for index, (op, av) in enumerate(tree):
            at = self._node(op, av, at, symbols, (index, len(tree)) if position is None else position)
        return at

    def _node(self, op, av, start, symbols, position):
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            end = self.state()
            self.moves[start].append((frozenset(symbols(op, av)), end))
            return end
        if op == C.SUBPATTERN:
            return self.build(av[3], start, symbols)
        if op == C.BRANCH:
            end = self.state()
            for alt in av[1]:
                s = self.state()
                self.eps[start].append(s)
                e = self.build(alt, s, symbols)
                self.eps[e].append(end)
            return end
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, sub = av
            at = start
            for _ in range(low):
                at = self.build(sub, at, symbols)
            if high == C.MAXREPEAT:
                loop = self.state()
                self.eps[at].append(loop)
                body_end = self.build(sub, loop, symbols)
                self.eps[body_end].append(loop)
                end = self.state()
                self.eps[loop].append(end)
                return end
            end = self.state()
            for _ in range(high - low):
                self.eps[at].append(end)
                at = self.build(sub, at, symbols)
            self.eps[at].append(end)
            return end
        if op == C.AT:
            # '^' and '$' are allowed only where they cannot change a whole-text match: at
            # the very start and end of the pattern (the caller checks positions).
            if av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING, C.AT_END, C.AT_END_STRING):
                return start
            raise Unsupported("anchor %s" % av)
        raise Unsupported("operator %s" % op)

    def closure(self, states):
        stack = list(states)
        seen = set(states)
        while stack:
            s = stack.pop()
            for t in self.eps[s]:
                if t not in seen:
                    seen.add(t)
                    stack.append(t)
        return frozenset(seen)

    def reversed(self, start):
        """The automaton of the reversed language: a new start with epsilon moves to every
        accepting state, every move turned round, and `start` accepting."""
        rev = NFA()
        for _ in self.eps:
            rev.state()
        for s, targets in enumerate(self.eps):
            for t in targets:
                rev.eps[t].append(s)
        for s, moves in enumerate(self.moves):
            for syms, t in moves:
                rev.moves[t].append((syms, s))
        new_start = rev.state()
        for s in self.accept:
            rev.eps[new_start].append(s)
        rev.accept = {start: 1}
        return rev, new_start


def check_anchors(tree):
    """Raises unless '^' appears only first and '$' only last (at the top level)."""
    for index, (op, av) in enumerate(tree):
        if op == C.AT:
            if av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING) and index == 0:
                continue
            if av in (C.AT_END, C.AT_END_STRING) and index == len(tree) - 1:
                continue
            raise Unsupported("anchor %s inside the pattern" % av)
        for sub in _children(op, av):
            _no_anchors(sub)


def _no_anchors(tree):
    for op, av in tree:
        if op == C.AT:
            raise Unsupported("anchor inside a group")
        for sub in _children(op, av):
            _no_anchors(sub)


def _children(op, av):
    if op == C.SUBPATTERN:
        return [av[3]]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return [av[2]]
    if op == C.BRANCH:
        return list(av[1])
    return []


# --- DFA --------------------------------------------------------------------------------

class DFA:
    """States 0..n-1, state 0 the start. `next[s][sym]` is a state or None (dead);
    `accept[s]` the OR of the tags of the accepting NFA states it holds."""

    def __init__(self, next_, accept):
        self.next = next_
        self.accept = accept

    def __len__(self):
        return len(self.next)


def determinize(nfa, start, alphabet_size):
    first = nfa.closure([start])
    index = {first: 0}
    order = [first]
    table = []
    i = 0
    while i < len(order):
        current = order[i]
        i += 1
        row = []
        for sym in range(alphabet_size):
            targets = set()
            for s in current:
                for syms, t in nfa.moves[s]:
                    if sym in syms:
                        targets.add(t)
            if not targets:
                row.append(None)
                continue
            nxt = nfa.closure(targets)
            if nxt not in index:
                index[nxt] = len(order)
                order.append(nxt)
            row.append(index[nxt])
        table.append(row)
    accept = []
    for states in order:
        tag = 0
        for s in states:
            tag |= nfa.accept.get(s, 0)
        accept.append(tag)
    return minimize(DFA(table, accept))


def minimize(dfa):
    """Moore's partition refinement; states that can reach no accepting state become dead
    (None), and the start stays state 0."""
    n = len(dfa)
    # States from which an accepting state is reachable.
    live = set(s for s in range(n) if dfa.accept[s])
    changed = True
    while changed:
        changed = False
        for s in range(n):
            if s not in live and any(t is not None and t in live for t in dfa.next[s]):
                live.add(s)
                changed = True
    if 0 not in live:
        return DFA([[None] * len(dfa.next[0])], [0])
    block = {s: dfa.accept[s] for s in live}
    while True:
        signature = {}
        new_block = {}
        for s in sorted(live):
            key = (block[s], tuple(block[t] if t is not None and t in live else None for t in dfa.next[s]))
            new_block[s] = signature.setdefault(key, len(signature))
        if len(set(new_block.values())) == len(set(block.values())):
            block = new_block
            break
        block = new_block
    # Renumber in breadth-first order from the start, so the output is stable.
    number = {block[0]: 0}
    queue = [0]
    representative = {block[0]: 0}
    j = 0
    while j < len(queue):
        s = queue[j]
        j += 1
        for t in dfa.next[s]:
            if t is None or t not in live:
                continue
            b = block[t]
            if b not in number:
                number[b] = len(number)
                representative[b] = t
                queue.append(t)
    size = len(number)
    table = [None] * size
    accept = [0] * size
    for b, k in number.items():
        s = representative[b]
        table[k] = [number[block[t]] if t is not None and t in live else None for t in dfa.next[s]]
        accept[k] = dfa.accept[s]
    return DFA(table, accept)


def dfa_for(trees_with_tags, symbols, alphabet_size):
    """One automaton for several patterns at once: the accept tag of a state is the OR of
    the tags of the patterns that match there."""
    nfa = NFA()
    start = nfa.state()
    for tree, tag in trees_with_tags:
        check_anchors(tree)
        s = nfa.state()
        nfa.eps[start].append(s)
        end = nfa.build(tree, s, symbols)
        nfa.accept[end] = nfa.accept.get(end, 0) | tag
    return determinize(nfa, start, alphabet_size)


def reverse_dfa_for(tree, symbols, alphabet_size):
    """The automaton of the pattern read backwards: run from the end of a text, it accepts at
    each position where a match running to the end could start."""
    check_anchors(tree)
    nfa = NFA()
    start = nfa.state()
    end = nfa.build(tree, start, symbols)
    nfa.accept[end] = 1
    rev, rev_start = nfa.reversed(start)
    return determinize(rev, rev_start, alphabet_size)


# --- Backtracking programs ----------------------------------------------------------------

# Instructions, as the engine's CapturePattern runs them:
#   ("char", mask)     the next digit must be in mask, else fail
#   ("split", x, y)    try x; on failure, y
#   ("jump", x)
#   ("save", slot)     record the position in slot (2g start, 2g+1 end of group g, g from 1)
#   ("end",)           the position must be the end of the text
#   ("match",)
OP_CHAR, OP_SPLIT, OP_JUMP, OP_SAVE, OP_END, OP_MATCH = range(6)


def program_for(tree, mask_of):
    """A program with the priorities of Python's backtracking: the first alternative first,
    greedy repetition tries one more first, lazy repetition one fewer."""
    code = []

    def emit(*ins):
        code.append(list(ins))
        return len(code) - 1

    def gen(tree):
        for op, av in tree:
            node(op, av)

    def node(op, av):
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            emit(OP_CHAR, mask_of(op, av))
        elif op == C.SUBPATTERN:
            group = av[0]
            if group is not None:
                emit(OP_SAVE, 2 * group)
            gen(av[3])
            if group is not None:
                emit(OP_SAVE, 2 * group + 1)
        elif op == C.BRANCH:
            alts = av[1]
            jumps = []
            for k, alt in enumerate(alts):
                if k < len(alts) - 1:
                    split = emit(OP_SPLIT, None, None)
                    code[split][1] = len(code)
                    gen(alt)
                    jumps.append(emit(OP_JUMP, None))
                    code[split][2] = len(code)
                else:
                    gen(alt)
            for j in jumps:
                code[j][1] = len(code)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, sub = av
            greedy = op == C.MAX_REPEAT
            if _can_be_empty(sub):
                raise Unsupported("a repetition of something that can match nothing")
            for _ in range(low):
                gen(sub)
            if high == C.MAXREPEAT:
                loop = emit(OP_SPLIT, None, None)
                body = len(code)
                gen(sub)
                emit(OP_JUMP, loop)
                exit_ = len(code)
                code[loop][1:] = [body, exit_] if greedy else [exit_, body]
            else:
                splits = []
                for _ in range(high - low):
                    splits.append(emit(OP_SPLIT, None, None))
                    body = len(code)
                    gen(sub)
                    splits[-1] = (splits[-1], body)
                exit_ = len(code)
                for split, body in splits:
                    code[split][1:] = [body, exit_] if greedy else [exit_, body]
        elif op == C.AT:
            if av in (C.AT_END, C.AT_END_STRING):
                emit(OP_END)
            elif av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
                pass  # programs run from the start of the text only
            else:
                raise Unsupported("anchor %s" % av)
        else:
            raise Unsupported("operator %s" % op)

    gen(tree)
    emit(OP_MATCH)
    return code


def group_count(pattern):
    import re
    return re.compile(pattern).groups


def _can_be_empty(tree):
    for op, av in tree:
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            return False
        if op == C.SUBPATTERN and not _can_be_empty(av[3]):
            return False
        if op == C.BRANCH and not any(_can_be_empty(alt) for alt in av[1]):
            return False
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] > 0 and not _can_be_empty(av[2]):
            return False
    return True
