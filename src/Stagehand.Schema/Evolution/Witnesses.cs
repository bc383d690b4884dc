using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Stagehand.Schema.Evolution;

/// <summary>
/// Finds, for a breaking change, a JSON document that shows the break: valid under the side that accepts it and
/// refused by the side that breaks (a request older clients send and the new server refuses; a response the new server
/// may send and older clients refuse). Built from facts alone, so that a baseline is enough: the smallest value each
/// place allows, with the value that breaks put at the changed place.
/// </summary>
internal sealed class Witnesses
{
    private const int MaxDepth = 24;

    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> _accepting;

    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> _refusing;

    private Witnesses(IReadOnlyList<ContractFact> accepting, IReadOnlyList<ContractFact> refusing)
    {
        _accepting = Index(accepting);
        _refusing = Index(refusing);
    }

    private static Dictionary<string, Dictionary<string, Dictionary<string, string>>> Index(IReadOnlyList<ContractFact> facts)
    {
        var index = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (!index.TryGetValue(fact.Contract, out var paths))
            {
                index[fact.Contract] = paths = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            }

            if (!paths.TryGetValue(fact.Path, out var aspects))
            {
                paths[fact.Path] = aspects = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            aspects[fact.Aspect] = fact.Value;
        }

        return index;
    }

    /// <summary><paramref name="changes"/>, each breaking one with its witness when one is found.</summary>
    public static IReadOnlyList<ContractChange> Attach(IReadOnlyList<ContractChange> changes, IReadOnlyList<ContractFact> before, IReadOnlyList<ContractFact> after)
    {
        Witnesses? old = null;
        Witnesses? @new = null;
        return changes.Select(change =>
        {
            if (!change.IsBreaking || change.IsUnproven)
            {
                return change;
            }

            // Which side accepts the document: the old contract when a request (older clients send it), the new one when a
            // response (the new server may send it). A contract used both ways breaks as its effect says.
            var requestSide = change.Direction == ContractDirection.Request
                || (change.Direction == ContractDirection.Both && ChangeRules.Bump(change.Effect, ContractDirection.Request) == VersionBump.Major);
            var accepting = requestSide ? old ??= new Witnesses(before, after) : @new ??= new Witnesses(after, before);
            var refusing = requestSide ? change.After : change.Before;
            var accepted = requestSide ? change.Before : change.After;
            return change with { Witness = accepting.Find(change, accepted, refusing, requestSide) };
        }).ToList();
    }

    private string? Find(ContractChange change, string? accepted, string? refused, bool requestSide)
    {
        var contract = change.Contract;
        if (!_accepting.TryGetValue(contract, out var paths))
        {
            return null;
        }

        var hasPlace = paths.TryGetValue(change.Path, out var aspects) && aspects.ContainsKey(FactAspects.Member);
        if (change.Aspect == FactAspects.Required || (change.Aspect == FactAspects.Member && !hasPlace))
        {
            // A member the refusing side requires and the accepting side does without: the owner without it.
            var owner = ContractPaths.Owner(change.Path);
            return Minimal(contract, owner, 0) is { } without ? Document(contract, owner, without) : null;
        }

        if (change.Aspect == FactAspects.AdditionalProperties)
        {
            // The refusing side refuses undeclared members: the object with one more.
            if (refused != "reject")
            {
                return null;
            }

            var value = accepted == "schema" ? Minimal(contract, ContractPaths.Values(change.Path), 0) : "0";
            return value is null ? null : Document(contract, ContractPaths.Values(change.Path), value);
        }

        if (change.Aspect is FactAspects.Member or FactAspects.DependentRequired)
        {
            // A member the refusing side refuses (or whose presence asks for members the accepting side does without).
            return Minimal(contract, change.Path, 0) is { } member ? Document(contract, change.Path, member) : null;
        }

        var local = change.Aspect is FactAspects.Items or FactAspects.Item or FactAspects.PatternMember
            ? Refused(contract, change.Path)
            : LocalValue(change, accepted, refused, requestSide);
        return local is null ? null : Document(contract, change.Path, local);
    }

    /// <summary>A value the refusing side refuses at a place where the accepting side takes anything: one of a JSON type it does not allow.</summary>
    private string? Refused(string contract, string path)
    {
        if (!_refusing.TryGetValue(contract, out var paths) || !paths.TryGetValue(path, out var aspects))
        {
            return null;
        }

        if (aspects.TryGetValue(FactAspects.Type, out var types))
        {
            var allowed = ChangeRules.ParseArray(types).Select(ChangeRules.Unquote).ToList();
            return AllTypes.Where(t => !allowed.Contains(t) && !(t == "integer" && allowed.Contains("number"))).Select(Sample).FirstOrDefault();
        }

        if (aspects.TryGetValue(FactAspects.Const, out var constant))
        {
            return Different(new[] { constant }, contract, path);
        }

        return aspects.TryGetValue(FactAspects.Enum, out var values) ? Different(ChangeRules.ParseArray(values), contract, path) : null;
    }

    /// <summary>The value at the changed place that one side accepts and the other refuses, or null when the kind has none.</summary>
    private string? LocalValue(ContractChange change, string? accepted, string? refused, bool requestSide)
    {
        var contract = change.Contract;
        var path = change.Path;
        switch (change.Aspect)
        {
            case FactAspects.Contract:
                return Minimal(contract, string.Empty, 0);
            case FactAspects.Type:
                var allowed = accepted is null ? AllTypes : ChangeRules.ParseArray(accepted).Select(ChangeRules.Unquote).ToList();
                var refusedTypes = refused is null ? AllTypes : ChangeRules.ParseArray(refused).Select(ChangeRules.Unquote).ToList();
                // A type one side allows and the other does not; a number the other side refuses for being no integer.
                var type = allowed
                    .Select(t => t == "number" && refusedTypes.Contains("integer") && !refusedTypes.Contains("number") ? "fraction" : t)
                    .FirstOrDefault(t => t == "fraction" || (!refusedTypes.Contains(t) && !(t == "integer" && refusedTypes.Contains("number"))));
                return type is null ? null : OfType(contract, path, type, 0);
            case FactAspects.Enum:
                var values = accepted is null ? null : ChangeRules.ParseArray(accepted);
                var refusedValues = refused is null ? null : ChangeRules.ParseArray(refused);
                if (values is null)
                {
                    return refusedValues is null ? null : Different(refusedValues, contract, path);
                }

                return values.FirstOrDefault(v => refusedValues is null || !refusedValues.Contains(v));
            case FactAspects.Const:
                return accepted ?? (refused is null ? null : Different(new[] { refused }, contract, path));
            case FactAspects.Format:
                if (accepted is null)
                {
                    return "\"not a " + ChangeRules.Unquote(refused ?? "\"format\"") + "\"";
                }

                var sample = FormatSample(ChangeRules.Unquote(accepted));
                return refused is null || sample != FormatSample(ChangeRules.Unquote(refused)) ? sample : null;
            case "minLength":
            case "maxLength":
                return Text(Length(change.Aspect, accepted, refused), contract, path);
            case "minItems":
            case "maxItems":
                return Length(change.Aspect, accepted, refused) is { } count ? Repeat(Minimal(contract, ContractPaths.Items(path), 0) ?? "0", count) : null;
            case "minProperties":
            case "maxProperties":
                return Length(change.Aspect, accepted, refused) is { } members ? MembersObject(contract, path, members) : null;
            case "minimum":
            case "maximum":
            case "exclusiveMinimum":
            case "exclusiveMaximum":
                return Bounded(change.Aspect, accepted, refused, contract, path);
            case FactAspects.MultipleOf:
                return accepted is null ? null
                    : refused is null || !IsWhole(ChangeRules.Number(accepted) / ChangeRules.Number(refused)) ? accepted
                    : null;
            case FactAspects.UniqueItems:
                return accepted is null && Minimal(contract, ContractPaths.Items(path), 0) is { } item ? "[" + item + "," + item + "]" : null;
            case FactAspects.Pattern:
                return PatternWitness(accepted, refused);
            case FactAspects.Required:
                // A member one side requires and the other does not: the document without it. The place is the member;
                // the document is its owner without that member.
                return null;
            case FactAspects.Member:
                return null;
            case FactAspects.Case:
                return Minimal(contract, path, 0);
            case FactAspects.Schema:
                return accepted == "false" ? null : Minimal(contract, path, 0) ?? "0";
            case FactAspects.Visibility:
                return Minimal(contract, string.Empty, 0);
            case FactAspects.ReadOnly:
            case FactAspects.ServerAssigned:
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The whole document: the smallest value of the contract, with <paramref name="local"/> at <paramref name="path"/>
    /// (or, for a member one side requires, without the member; for a member the other side refuses, with it).
    /// </summary>
    private string? Document(string contract, string path, string local) => Embed(contract, Build(contract, string.Empty, path, local, 0), 0);

    /// <summary>
    /// A value of a definition, put where a contract that refers to it holds it (a file's root, preferably), so that the
    /// witness is a document a peer would exchange; the value itself when nothing refers to it.
    /// </summary>
    private string? Embed(string contract, string? value, int depth)
    {
        // A definition with a direction of its own is exchanged as it is; one that takes its users' is exchanged inside them.
        if (value is null || depth > 4 || contract.IndexOf('#') < 0
            || (_accepting.TryGetValue(contract, out var own) && own.TryGetValue(string.Empty, out var root) && root.ContainsKey(FactAspects.Direction)))
        {
            return value;
        }

        var quoted = FactText.Quote(contract);
        foreach (var referrer in _accepting.OrderBy(c => c.Key.IndexOf('#') >= 0 ? 1 : 0).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            foreach (var place in referrer.Value.Where(p => p.Value.TryGetValue(FactAspects.Ref, out var target) && target == quoted).Select(p => p.Key).OrderBy(p => p.Length))
            {
                if (Build(referrer.Key, string.Empty, place, value, 0) is { } document)
                {
                    return Embed(referrer.Key, document, depth + 1);
                }
            }
        }

        return value;
    }

    private string? Build(string contract, string at, string target, string local, int depth)
    {
        if (at == target)
        {
            return local;
        }

        if (depth > MaxDepth || !_accepting.TryGetValue(contract, out var paths))
        {
            return null;
        }

        var aspects = paths.TryGetValue(at, out var found) ? found : new Dictionary<string, string>();
        if (aspects.TryGetValue(FactAspects.Ref, out var reference) && _accepting.ContainsKey(ChangeRules.Unquote(reference)))
        {
            // The change lies in the same contract, so a reference on the way leads out of it: no witness this way.
            return null;
        }

        var rest = target.Substring(at.Length);
        var step = NextStep(rest);
        var next = at + step;
        var inner = Build(contract, next, target, local, depth + 1);
        if (inner is null)
        {
            return null;
        }

        switch (step[0])
        {
            case '.':
                var members = MinimalMembers(contract, at, depth).Where(m => m.Path != next).ToList();
                members.Add((next, MemberName(step), inner));
                return "{" + string.Join(",", members.Select(m => FactText.Quote(m.Name) + ":" + m.Value)) + "}";
            case '[':
                if (step == "[]")
                {
                    return "[" + inner + "]";
                }

                var index = int.Parse(step.Substring(1, step.Length - 2), CultureInfo.InvariantCulture);
                var before = Enumerable.Range(0, index).Select(i => Minimal(contract, ContractPaths.Item(at, i), depth + 1) ?? "null");
                return "[" + string.Join(",", before.Append(inner)) + "]";
            case '{':
                var declared = MinimalMembers(contract, at, depth);
                var key = step == "{}" ? "extraMember" : StringMatching(step.Substring(2, step.Length - 4), null);
                if (key is null)
                {
                    return null;
                }

                declared.Add((next, key, inner));
                return "{" + string.Join(",", declared.Select(m => FactText.Quote(m.Name) + ":" + m.Value)) + "}";
            case '|':
                return inner;
            default:
                return null;
        }
    }

    /// <summary>The first step of a path (<c>.name</c>, <c>."quoted"</c>, <c>[]</c>, <c>[2]</c>, <c>{}</c>, <c>|case</c>, ...).</summary>
    private static string NextStep(string rest)
    {
        var end = 1;
        if (rest[0] == '.' && rest.Length > 1 && rest[1] == '"')
        {
            end = 2;
            while (end < rest.Length && rest[end] != '"')
            {
                end += rest[end] == '\\' ? 2 : 1;
            }

            return rest.Substring(0, Math.Min(rest.Length, end + 1));
        }

        if (rest[0] == '|')
        {
            // A case key runs to the next step that is not part of it; keys are quoted strings, contract ids or words.
            if (rest.Length > 1 && rest[1] == '"')
            {
                end = 2;
                while (end < rest.Length && rest[end] != '"')
                {
                    end += rest[end] == '\\' ? 2 : 1;
                }

                return rest.Substring(0, Math.Min(rest.Length, end + 1));
            }
        }

        if (rest[0] == '{' && rest.Length > 1 && rest[1] == '/')
        {
            var close = rest.IndexOf("/}", 2, StringComparison.Ordinal);
            return close < 0 ? rest : rest.Substring(0, close + 2);
        }

        while (end < rest.Length && ".[{|&!".IndexOf(rest[end]) < 0)
        {
            end++;
        }

        if (rest[0] is '[' or '{')
        {
            end = rest.IndexOf(rest[0] == '[' ? ']' : '}') + 1;
        }

        return rest.Substring(0, end);
    }

    private static string MemberName(string step) =>
        step.Length > 1 && step[1] == '"' ? ChangeRules.Unquote(step.Substring(1)) : step.Substring(1);

    /// <summary>The required members of the object at <paramref name="at"/>, each with its smallest value.</summary>
    private List<(string Path, string Name, string Value)> MinimalMembers(string contract, string at, int depth)
    {
        var members = new List<(string, string, string)>();
        foreach (var pair in _accepting[contract])
        {
            if (pair.Value.ContainsKey(FactAspects.Required) && IsChild(pair.Key, at))
            {
                var step = pair.Key.Substring(at.Length);
                members.Add((pair.Key, MemberName(step), Minimal(contract, pair.Key, depth + 1) ?? "0"));
            }
        }

        return members;
    }

    private static bool IsChild(string path, string parent) =>
        path.Length > parent.Length + 1 && path.StartsWith(parent, StringComparison.Ordinal) && path[parent.Length] == '.'
        && NextStep(path.Substring(parent.Length)).Length == path.Length - parent.Length;

    /// <summary>The smallest value the accepting side allows at a place (null when none is found).</summary>
    private string? Minimal(string contract, string path, int depth)
    {
        if (depth > MaxDepth || !_accepting.TryGetValue(contract, out var paths))
        {
            return null;
        }

        var aspects = paths.TryGetValue(path, out var found) ? found : new Dictionary<string, string>();
        if (aspects.TryGetValue(FactAspects.Const, out var constant))
        {
            return constant;
        }

        if (aspects.TryGetValue(FactAspects.Enum, out var @enum))
        {
            return ChangeRules.ParseArray(@enum).FirstOrDefault();
        }

        if (aspects.TryGetValue(FactAspects.Ref, out var reference))
        {
            return Minimal(ChangeRules.Unquote(reference), string.Empty, depth + 1);
        }

        var cases = paths.Keys.Where(p => p.Length > path.Length && p.StartsWith(path + "|", StringComparison.Ordinal) && paths[p].ContainsKey(FactAspects.Case)).OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (cases.Count > 0)
        {
            return cases.Select(c => Minimal(contract, c, depth + 1)).FirstOrDefault(v => v is not null);
        }

        var types = aspects.TryGetValue(FactAspects.Type, out var typeList) ? ChangeRules.ParseArray(typeList).Select(ChangeRules.Unquote).ToList() : new List<string>();
        var hasMembers = paths.Keys.Any(p => IsChild(p, path));
        var type = types.Count == 0 ? (hasMembers ? "object" : "integer") : new[] { "object", "array", "string", "integer", "number", "boolean", "null" }.First(types.Contains);
        return OfType(contract, path, type, depth);
    }

    /// <summary>The smallest value of one JSON type (<c>fraction</c>: a number that is not an integer) the accepting side's other keywords allow at a place.</summary>
    private string? OfType(string contract, string path, string type, int depth)
    {
        if (!_accepting.TryGetValue(contract, out var paths))
        {
            return null;
        }

        var aspects = paths.TryGetValue(path, out var found) ? found : new Dictionary<string, string>();
        switch (type)
        {
            case "object":
                var members = MinimalMembers(contract, path, depth);
                return "{" + string.Join(",", members.Select(m => FactText.Quote(m.Name) + ":" + m.Value)) + "}";
            case "array":
                var count = aspects.TryGetValue("minItems", out var minItems) ? (int)ChangeRules.Number(minItems) : 0;
                var items = Enumerable.Range(0, count).Select(i => paths.ContainsKey(ContractPaths.Item(path, i)) ? Minimal(contract, ContractPaths.Item(path, i), depth + 1) : Minimal(contract, ContractPaths.Items(path), depth + 1)).ToList();
                return items.Any(i => i is null) ? null : "[" + string.Join(",", items) + "]";
            case "string":
                if (aspects.TryGetValue(FactAspects.Pattern, out var pattern))
                {
                    return StringMatching(ChangeRules.Unquote(pattern), null) is { } matching ? FactText.Quote(matching) : null;
                }

                // A format, asserted or not, gets a value of that format: a witness then breaks for one reason only.
                if (aspects.TryGetValue(FactAspects.Format, out var format) || aspects.TryGetValue(FactAspects.FormatAnnotation, out format))
                {
                    return FormatSample(ChangeRules.Unquote(format));
                }

                var length = aspects.TryGetValue("minLength", out var minLength) ? (int)ChangeRules.Number(minLength) : 1;
                var max = aspects.TryGetValue("maxLength", out var maxLength) ? (int)ChangeRules.Number(maxLength) : int.MaxValue;
                return FactText.Quote(new string('a', Math.Min(Math.Max(length, 1), max)));
            case "integer":
            case "number":
                return Number(aspects, type == "integer");
            case "fraction":
                return Number(aspects, integer: false) is { } whole && ChangeRules.Number(whole) + 0.5 is var half
                    && (!aspects.TryGetValue("maximum", out var top) || half <= ChangeRules.Number(top))
                    && (!aspects.TryGetValue("exclusiveMaximum", out var exclusiveTop) || half < ChangeRules.Number(exclusiveTop))
                    && !aspects.ContainsKey(FactAspects.MultipleOf)
                    ? half.ToString("R", CultureInfo.InvariantCulture)
                    : null;
            case "boolean":
                return "false";
            default:
                return "null";
        }
    }

    private static string? Number(Dictionary<string, string> aspects, bool integer)
    {
        double? Read(string aspect) => aspects.TryGetValue(aspect, out var text) ? ChangeRules.Number(text) : null;
        var low = Read("minimum") ?? (Read("exclusiveMinimum") is { } exclusive ? Math.Floor(exclusive) + 1 : 0);
        var step = Read(FactAspects.MultipleOf);
        var value = step is { } multiple and > 0 ? Math.Ceiling(low / multiple) * multiple : Math.Ceiling(low);
        var high = Read("maximum") ?? (Read("exclusiveMaximum") is { } exclusiveHigh ? exclusiveHigh - 1e-9 : double.MaxValue);
        if (value > high)
        {
            return null;
        }

        return integer || IsWhole(value) ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A count (length, items, members) the accepting side allows and the refusing side does not.</summary>
    private static int? Length(string aspect, string? accepted, string? refused)
    {
        var lower = aspect.StartsWith("min", StringComparison.Ordinal);
        var have = accepted is null ? (int?)null : (int)ChangeRules.Number(accepted);
        var limit = refused is null ? (int?)null : (int)ChangeRules.Number(refused);
        if (limit is null)
        {
            return null;
        }

        // The refusing side needs at least (or at most) limit; a count just past it that the accepting side allows.
        var candidate = lower ? limit.Value - 1 : limit.Value + 1;
        if (candidate < 0 || (have is { } bound && (lower ? candidate < bound : candidate > bound)))
        {
            return null;
        }

        return candidate;
    }

    private static string? Bounded(string aspect, string? accepted, string? refused, string contract, string path)
    {
        if (refused is null)
        {
            return null;
        }

        var limit = ChangeRules.Number(refused);
        var lower = aspect.Contains("inimum");
        var exclusive = aspect.StartsWith("exclusive", StringComparison.Ordinal);
        var candidate = lower ? (exclusive ? limit : limit - 1) : (exclusive ? limit : limit + 1);
        if (accepted is not null)
        {
            var bound = ChangeRules.Number(accepted);
            if (lower ? (exclusive ? candidate <= bound : candidate < bound) : (exclusive ? candidate >= bound : candidate > bound))
            {
                return null;
            }
        }

        return ((long)candidate).ToString(CultureInfo.InvariantCulture);
    }

    private static string? PatternWitness(string? accepted, string? refused)
    {
        if (refused is not null && StringMatching(accepted is null ? null : ChangeRules.Unquote(accepted), ChangeRules.Unquote(refused)) is { } found)
        {
            return FactText.Quote(found);
        }

        var allowed = accepted is null ? null : PatternLiterals.Of(ChangeRules.Unquote(accepted));
        var refusedLiterals = refused is null ? null : PatternLiterals.Of(ChangeRules.Unquote(refused));
        if (refused is null)
        {
            return null;
        }

        if (allowed is not null && refusedLiterals is not null)
        {
            return allowed.Where(a => !refusedLiterals.Contains(a)).Select(FactText.Quote).FirstOrDefault();
        }

        // The accepting side has no pattern: a string the refusing literals do not hold.
        return accepted is null && refusedLiterals is not null ? FactText.Quote(string.Concat(refusedLiterals) + "-other") : null;
    }

    /// <summary>
    /// A short string that <paramref name="match"/> matches (any, when null) and <paramref name="avoid"/> does not (none,
    /// when null): the patterns' own literals first, then everyday strings. Null when none of them does.
    /// </summary>
    private static string? StringMatching(string? match, string? avoid)
    {
        var candidates = new List<string>();
        foreach (var pattern in new[] { match, avoid })
        {
            if (pattern is not null && PatternLiterals.Of(pattern) is { } literals)
            {
                candidates.AddRange(literals);
                candidates.AddRange(literals.Select(l => l + "-other"));
            }
        }

        candidates.AddRange(["a", "x-a", "abc", "A", "0", "a1", "a-b", "a_b", "a.b", "abc123", " ", "", "zz~", "a@example.com", "https://example.com/", "2024-01-01", "00000000-0000-4000-8000-000000000000", "\u00e9", "-"]);
        var including = match is null ? null : Pattern(match);
        var excluding = avoid is null ? null : Pattern(avoid);
        if ((match is not null && including is null) || (avoid is not null && excluding is null))
        {
            return null;
        }

        return candidates.FirstOrDefault(c => Matches(including, c) != false && Matches(excluding, c) != true && (including is null || Matches(including, c) == true) && (excluding is null || Matches(excluding, c) == false));
    }

    /// <summary>Whether the pattern matches; null when it is absent or took too long.</summary>
    private static bool? Matches(System.Text.RegularExpressions.Regex? pattern, string text)
    {
        if (pattern is null)
        {
            return null;
        }

        try
        {
            return pattern.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static System.Text.RegularExpressions.Regex? Pattern(string pattern)
    {
        try
        {
            return Stagehand.Contracts.EcmaPattern.Compile(pattern);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private string? Different(IReadOnlyList<string> refused, string contract, string path)
    {
        foreach (var candidate in new[] { "\"other\"", "0", "1", "true", "false", "null", "\"a\"" })
        {
            if (!refused.Contains(candidate))
            {
                return candidate;
            }
        }

        return Minimal(contract, path, 0);
    }

    private string? MembersObject(string contract, string path, int count)
    {
        var members = MinimalMembers(contract, path, 0);
        for (var i = members.Count; i < count; i++)
        {
            members.Add((string.Empty, "extra" + i.ToString(CultureInfo.InvariantCulture), "0"));
        }

        return members.Count == count ? "{" + string.Join(",", members.Select(m => FactText.Quote(m.Name) + ":" + m.Value)) + "}" : null;
    }

    /// <summary>A string of <paramref name="length"/> characters that the accepting side's pattern at the place (if any) matches.</summary>
    private string? Text(int? length, string contract, string path)
    {
        if (length is not { } n)
        {
            return null;
        }

        var pattern = _accepting.TryGetValue(contract, out var paths) && paths.TryGetValue(path, out var aspects) && aspects.TryGetValue(FactAspects.Pattern, out var text)
            ? Pattern(ChangeRules.Unquote(text))
            : null;
        return "ax0A-z".Select(fill => new string(fill, n)).Where(candidate => pattern is null || Matches(pattern, candidate) == true).Select(FactText.Quote).FirstOrDefault();
    }

    private static string Repeat(string item, int count) => "[" + string.Join(",", Enumerable.Repeat(item, count)) + "]";

    private static readonly List<string> AllTypes = ["string", "integer", "number", "boolean", "null", "object", "array"];

    private static string Sample(string type) => type switch
    {
        "string" => "\"a\"",
        "integer" => "1",
        "number" or "fraction" => "1.5",
        "boolean" => "true",
        "null" => "null",
        "object" => "{}",
        _ => "[]",
    };

    private static string FormatSample(string format) => format switch
    {
        "uuid" => "\"00000000-0000-4000-8000-000000000000\"",
        "date-time" => "\"2024-01-01T00:00:00Z\"",
        "date" => "\"2024-01-01\"",
        "time" => "\"00:00:00Z\"",
        "uri" or "iri" => "\"https://example.com/\"",
        "email" or "idn-email" => "\"a@example.com\"",
        "hostname" or "idn-hostname" => "\"example.com\"",
        "ipv4" => "\"127.0.0.1\"",
        "ipv6" => "\"::1\"",
        _ => "\"a\"",
    };

    private static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-9;
}
