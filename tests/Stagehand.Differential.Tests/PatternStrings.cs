using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CsCheck;

namespace Stagehand.Differential.Tests;

/// <summary>
/// Strings that match a schema's <c>pattern</c>, generated from the regular expression itself (written for this test, like
/// <see cref="InstanceGenerator"/>; it shares no code with the generator under test). It reads a small part of ECMA-262
/// syntax: literals, escaped punctuation, <c>\d \w \s</c>, character classes with ranges (negated ones drawn from printable
/// ASCII), groups (<c>( )</c> and <c>(?: )</c>), alternation, the quantifiers <c>* + ? {n} {n,} {n,m}</c> and the anchors
/// <c>^ $</c>. Anything else (look-arounds, back-references, word boundaries, named groups, flags) throws, and every string
/// it makes is checked against the pattern, so it can never hand out a "matching" string that does not match.
/// </summary>
internal static class PatternStrings
{
    /// <summary>The repetitions an unbounded quantifier (<c>*</c>, <c>+</c>, <c>{n,}</c>) adds beyond its minimum, at most.</summary>
    private const int UnboundedExtra = 3;

    private const string Printable = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    private const string Digits = "0123456789";
    private const string WordCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
    private const string Spaces = " \t";

    /// <summary>Strings matching <paramref name="pattern"/> (a search, as JSON Schema's <c>pattern</c> is, not a full match).</summary>
    public static Gen<string> For(string pattern, string file)
    {
        var parser = new Parser(pattern, file);
        var gen = parser.Parse();
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        return gen.Select(s => regex.IsMatch(s)
            ? s
            : throw new InvalidOperationException($"The pattern generator made \"{s}\", which does not match {pattern} in {file}."));
    }

    private sealed class Parser(string pattern, string file)
    {
        private int _at;

        public Gen<string> Parse()
        {
            var gen = Alternation();
            if (_at != pattern.Length)
            {
                throw Unsupported("an unbalanced ')'");
            }

            return gen;
        }

        private Gen<string> Alternation()
        {
            var branches = new List<Gen<string>> { Sequence() };
            while (Peek('|'))
            {
                _at++;
                branches.Add(Sequence());
            }

            return branches.Count == 1 ? branches[0] : Gen.OneOf(branches.ToArray());
        }

        private Gen<string> Sequence()
        {
            var parts = new List<Gen<string>>();
            while (_at < pattern.Length && pattern[_at] is not '|' and not ')')
            {
                parts.Add(Quantified(Atom()));
            }

            return parts.Aggregate(Gen.Const(string.Empty), (acc, part) => Gen.Select(acc, part, (a, b) => a + b));
        }

        private Gen<string> Atom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '^':
                case '$':
                    // Zero-width: the string is built whole, so an anchor where it holds needs no character (checked after).
                    return Gen.Const(string.Empty);
                case '.':
                    return OneOf(Printable);
                case '(':
                    if (Peek('?'))
                    {
                        if (_at + 1 < pattern.Length && pattern[_at + 1] == ':')
                        {
                            _at += 2;
                        }
                        else
                        {
                            throw Unsupported("a group other than ( ) and (?: )");
                        }
                    }

                    var inner = Alternation();
                    if (!Peek(')'))
                    {
                        throw Unsupported("an unclosed group");
                    }

                    _at++;
                    return inner;
                case '[':
                    return Class();
                case '\\':
                    return Escape(inClass: false) is { } set ? OneOf(set) : throw Unsupported("the escape \\" + pattern[_at - 1]);
                case '*' or '+' or '?' or '{' or '}' or ')' or ']':
                    throw Unsupported("a quantifier or bracket with nothing before it");
                default:
                    return Gen.Const(c.ToString());
            }
        }

        /// <summary>The characters an escape stands for, or null for one it does not know; <c>_at</c> is past the backslash.</summary>
        private string? Escape(bool inClass)
        {
            if (_at >= pattern.Length)
            {
                throw Unsupported("a trailing backslash");
            }

            var c = pattern[_at++];
            return c switch
            {
                'd' => Digits,
                'w' => WordCharacters,
                's' => Spaces,
                'n' => "\n",
                't' => "\t",
                'r' => "\r",
                'b' when inClass => "\b",
                _ when !char.IsLetterOrDigit(c) => c.ToString(),
                _ => null,
            };
        }

        private Gen<string> Class()
        {
            var negated = Peek('^');
            if (negated)
            {
                _at++;
            }

            var members = new HashSet<char>();
            while (_at < pattern.Length && pattern[_at] != ']')
            {
                string single;
                if (pattern[_at] == '\\')
                {
                    _at++;
                    single = Escape(inClass: true) ?? throw Unsupported("the escape \\" + pattern[_at - 1] + " in a class");
                }
                else
                {
                    single = pattern[_at++].ToString();
                }

                // A range: one character, '-', one character (a '-' first, last or after a range is itself).
                if (single.Length == 1 && _at + 1 < pattern.Length && pattern[_at] == '-' && pattern[_at + 1] != ']')
                {
                    _at++;
                    string end;
                    if (pattern[_at] == '\\')
                    {
                        _at++;
                        end = Escape(inClass: true) ?? throw Unsupported("the escape \\" + pattern[_at - 1] + " in a class");
                    }
                    else
                    {
                        end = pattern[_at++].ToString();
                    }

                    if (end.Length != 1 || end[0] < single[0])
                    {
                        throw Unsupported("the range " + single + "-" + end);
                    }

                    for (var x = single[0]; x <= end[0]; x++)
                    {
                        members.Add(x);
                    }
                }
                else
                {
                    members.UnionWith(single);
                }
            }

            if (!Peek(']'))
            {
                throw Unsupported("an unclosed character class");
            }

            _at++;
            var chosen = negated ? Printable.Where(x => !members.Contains(x)).ToArray() : members.ToArray();
            return chosen.Length > 0 ? OneOf(new string(chosen)) : throw Unsupported("a class no printable character matches");
        }

        private Gen<string> Quantified(Gen<string> atom)
        {
            if (_at >= pattern.Length)
            {
                return atom;
            }

            int min, max;
            switch (pattern[_at])
            {
                case '*':
                    (min, max) = (0, UnboundedExtra);
                    _at++;
                    break;
                case '+':
                    (min, max) = (1, 1 + UnboundedExtra);
                    _at++;
                    break;
                case '?':
                    (min, max) = (0, 1);
                    _at++;
                    break;
                case '{':
                    var close = pattern.IndexOf('}', _at);
                    var bounds = close < 0 ? null : pattern.Substring(_at + 1, close - _at - 1).Split(',');
                    if (bounds is null || bounds.Length > 2 || !int.TryParse(bounds[0], out min))
                    {
                        throw Unsupported("the quantifier " + pattern.Substring(_at));
                    }

                    max = bounds.Length == 1 ? min
                        : bounds[1].Length == 0 ? min + UnboundedExtra
                        : int.TryParse(bounds[1], out var m) && m >= min ? m : throw Unsupported("the quantifier " + pattern.Substring(_at, close - _at + 1));
                    _at = close + 1;
                    break;
                default:
                    return atom;
            }

            if (Peek('?'))
            {
                _at++; // lazy: which strings match does not change
            }

            if (_at < pattern.Length && pattern[_at] is '*' or '+' or '{')
            {
                throw Unsupported("a quantifier after a quantifier");
            }

            return atom.Array[min, max].Select(string.Concat);
        }

        private bool Peek(char c) => _at < pattern.Length && pattern[_at] == c;

        private static Gen<string> OneOf(string characters) =>
            Gen.Int[0, characters.Length - 1].Select(i => characters[i].ToString());

        private NotSupportedException Unsupported(string what) =>
            new("The pattern generator does not handle " + what + " (at " + _at + " in " + pattern + ") in " + file);
    }
}
