using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Schema.Evolution;

/// <summary>
/// One change between two versions of a set of contracts, classified for the direction its contract travels.
/// </summary>
/// <param name="Contract">The contract's id (file, and definition in it).</param>
/// <param name="ContractName">The contract's C# type name, for messages.</param>
/// <param name="Path">Where in the value (<see cref="ContractPaths"/>).</param>
/// <param name="Aspect">What changed (<see cref="FactAspects"/>).</param>
/// <param name="Before">The aspect's value before; null when it was absent.</param>
/// <param name="After">The aspect's value after; null when it is absent.</param>
/// <param name="Kind">The change's kind, as the catalogue and <c>docs/evolution.md</c> name it (<c>maxLength-lowered</c>).</param>
/// <param name="Location">The schema token that changed (in the new version; in the old one for what was removed), when known.</param>
internal sealed record ContractChange(
    string Contract,
    string ContractName,
    string Path,
    string Aspect,
    string? Before,
    string? After,
    string Kind,
    ChangeEffect Effect,
    ContractDirection Direction,
    VersionBump Bump,
    string Message,
    LocationInfo? Location)
{
    public bool IsBreaking => Bump == VersionBump.Major;

    /// <summary>Whether the change might narrow or widen and no proof either way was found (reported as a warning).</summary>
    public bool IsUnproven => Effect == ChangeEffect.Unproven;

    /// <summary>The place, as a reviewer reads it: <c>ActRequest.options.timeout</c>.</summary>
    public string Place => ContractName + Path;

    /// <summary>
    /// For a breaking change, a JSON document that shows the break: valid under the old contract and refused by the new
    /// one (request), or one the new contract lets a server send that the old one refuses (response). Null when none was found.
    /// </summary>
    public string? Witness { get; init; }
}

/// <summary>Compares the facts of two versions of a set of contracts (<see cref="ContractFacts"/>, or a baseline).</summary>
internal static class ContractDiff
{
    /// <summary>Every change from <paramref name="before"/> to <paramref name="after"/>, in contract and path order.</summary>
    public static IReadOnlyList<ContractChange> Compare(IReadOnlyList<ContractFact> before, IReadOnlyList<ContractFact> after)
    {
        var old = Index(before);
        var @new = Index(after);
        var directions = Directions(after, before);
        var changes = new List<ContractChange>();
        foreach (var contract in old.Keys.Union(@new.Keys).OrderBy(c => c, StringComparer.Ordinal))
        {
            var name = NameOf(@new, contract) ?? NameOf(old, contract) ?? contract;
            var direction = directions.TryGetValue(contract, out var d) ? d : ContractDirection.Both;
            if (!old.TryGetValue(contract, out var oldFacts))
            {
                changes.Add(Change(contract, name, string.Empty, FactAspects.Contract, null, "true", "contract-added", ChangeEffect.Capability, direction,
                    $"The contract {name} is new.", Place(@new[contract], string.Empty)));
                continue;
            }

            if (!@new.TryGetValue(contract, out var newFacts))
            {
                changes.Add(Change(contract, name, string.Empty, FactAspects.Contract, "true", null, "contract-removed", ChangeEffect.Changes, direction,
                    $"The contract {name} was removed: clients and servers built against it can no longer exchange it.", Place(oldFacts, string.Empty)));
                continue;
            }

            CompareContract(contract, name, direction, oldFacts, newFacts, changes);
        }

        return Witnesses.Attach(changes, before, after);
    }

    /// <summary>The bump a list of changes needs: the largest of theirs.</summary>
    public static VersionBump RequiredBump(IEnumerable<ContractChange> changes) =>
        changes.Select(c => c.Bump).DefaultIfEmpty(VersionBump.None).Max();

    private static void CompareContract(string contract, string name, ContractDirection direction, Dictionary<(string, string), ContractFact> before, Dictionary<(string, string), ContractFact> after, List<ContractChange> changes)
    {
        // Places (members, items, cases, ...) that appear or disappear are one change each; their inner facts go with them.
        var oldPlaces = Places(before);
        var newPlaces = Places(after);
        var removed = oldPlaces.Keys.Where(p => !newPlaces.ContainsKey(p)).ToList();
        var added = newPlaces.Keys.Where(p => !oldPlaces.ContainsKey(p)).ToList();
        bool Inside(string path, List<string> places) => places.Any(place => IsBelow(path, place));

        foreach (var place in removed.Where(p => !Inside(p, removed)))
        {
            changes.Add(PlaceRemoved(contract, name, direction, place, oldPlaces[place], before, after));
        }

        foreach (var place in added.Where(p => !Inside(p, added)))
        {
            changes.Add(PlaceAdded(contract, name, direction, place, newPlaces[place], before, after));
        }

        var additional = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in before.Keys.Union(after.Keys).OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal))
        {
            var (path, aspect) = key;
            if (Inside(path, removed) || Inside(path, added) || removed.Contains(path) || added.Contains(path))
            {
                // The place itself came or went, or the required mark of a member that came or went: said with the place.
                continue;
            }

            if (aspect is FactAspects.AdditionalProperties or FactAspects.Values)
            {
                additional.Add(aspect == FactAspects.Values ? path.Substring(0, path.Length - 2) : path);
                continue;
            }

            before.TryGetValue(key, out var was);
            after.TryGetValue(key, out var now);
            if (aspect == FactAspects.Contract && path.Length == 0 && was is not null && now is not null && was.Value != now.Value)
            {
                changes.Add(Change(contract, name, path, aspect, was.Value, now.Value, "contract-renamed", ChangeEffect.Annotation, direction,
                    $"{name}: the contract's C# type was {was.Value} and is now {now.Value}: nothing changes on the wire (patch), but C# code that names the type must follow.", now.Location));
                continue;
            }

            if (was?.Value == now?.Value || Array.IndexOf(FactAspects.Places, aspect) >= 0)
            {
                continue;
            }

            var effect = ContractPaths.IsIndirect(path) ? ChangeEffect.Unproven
                : EnumeratedValues.Effect(before, after, path, aspect) ?? ChangeRules.Effect(aspect, was?.Value, now?.Value);
            if (aspect is FactAspects.ReadOnly or FactAspects.ServerAssigned or FactAspects.ResourceReadOnly)
            {
                // A member the server assigns is refused in requests (the generated readers reject it): narrower there only.
                effect = ServerAssignedEffect(aspect, path, was?.Value, now?.Value, direction, before);
            }

            if (aspect == FactAspects.CaseOrder)
            {
                // Only the order: anyOf readers try cases in order, so a value two cases accept may be read as the other.
                var sameCases = ChangeRules.ParseArray(was?.Value ?? "[]").OrderBy(c => c, StringComparer.Ordinal)
                    .SequenceEqual(ChangeRules.ParseArray(now?.Value ?? "[]").OrderBy(c => c, StringComparer.Ordinal), StringComparer.Ordinal);
                if (!sameCases)
                {
                    continue;
                }

                // A union told apart by a discriminator finds its case in one look, whatever the order.
                effect = after.TryGetValue((path, FactAspects.Union), out var union) && union.Value == "\"anyOf\"" && !after.ContainsKey((path, FactAspects.Discriminator))
                    ? ChangeEffect.Behaviour
                    : ChangeEffect.Annotation;
            }

            if (aspect == FactAspects.FormatAnnotation && now is null && after.TryGetValue((path, FactAspects.Format), out var asserted) && asserted.Value == was?.Value)
            {
                // The same format, now asserted: said once, as the format added.
                continue;
            }

            if (aspect == FactAspects.Format && was is null && before.TryGetValue((path, FactAspects.FormatAnnotation), out var annotated) && annotated.Value == now?.Value)
            {
                changes.Add(Change(contract, name, path, aspect, null, now!.Value, "format-asserted", ChangeEffect.Narrows, direction,
                    $"{name}{path}: the format {now.Value} is now asserted: {Consequence(ChangeEffect.Narrows, direction)}", now.Location));
                continue;
            }

            if (aspect == FactAspects.FormatAnnotation && was is null && before.TryGetValue((path, FactAspects.Format), out var wasAsserted) && wasAsserted.Value == now?.Value)
            {
                continue;
            }

            if (aspect == FactAspects.Format && now is null && after.TryGetValue((path, FactAspects.FormatAnnotation), out var nowAnnotated) && nowAnnotated.Value == was?.Value)
            {
                changes.Add(Change(contract, name, path, aspect, was!.Value, null, "format-unasserted", ChangeEffect.Widens, direction,
                    $"{name}{path}: the format {was.Value} is no longer asserted: {Consequence(ChangeEffect.Widens, direction)}", nowAnnotated.Location));
                continue;
            }

            // Where to point: the new schema's token; for a fact that is gone, the place that held it, if it is still there.
            var location = now?.Location ?? Place(after, path) ?? was?.Location;
            changes.Add(Change(contract, name, path, aspect, was?.Value, now?.Value, KindOf(aspect, was?.Value, now?.Value, effect), effect, direction,
                Describe(name + path, aspect, was?.Value, now?.Value, effect, direction), location));
        }

        foreach (var path in additional.Where(p => !Inside(p, removed) && !Inside(p, added)))
        {
            var was = AdditionalState(before, path);
            var now = AdditionalState(after, path);
            if (was == now)
            {
                continue;
            }

            var effect = ChangeRules.Additional(was, now);
            var location = Place(after, path) ?? Place(before, path);
            changes.Add(Change(contract, name, path, FactAspects.AdditionalProperties, was, now, "additionalProperties-" + (effect == ChangeEffect.Narrows ? "tightened" : "loosened"), effect, direction,
                $"{name}{path}: the members it does not declare were {Members(was)}, now {Members(now)}: {Consequence(effect, direction)}", location));
        }
    }

    /// <summary>
    /// A member made read-only or server-assigned is refused in requests; one that was already refused there (an
    /// undeclared member of an object that refuses undeclared members) changes nothing.
    /// </summary>
    private static ChangeEffect ServerAssignedEffect(string aspect, string path, string? before, string? after, ContractDirection direction, Dictionary<(string, string), ContractFact> old)
    {
        if (direction == ContractDirection.Response)
        {
            return ChangeEffect.Annotation;
        }

        if (aspect == FactAspects.ReadOnly)
        {
            return after is not null ? ChangeEffect.Narrows : ChangeEffect.Widens;
        }

        var gained = ChangeRules.ParseArray(after ?? "[]").Except(ChangeRules.ParseArray(before ?? "[]"), StringComparer.Ordinal).Select(ChangeRules.Unquote).ToList();
        var lost = ChangeRules.ParseArray(before ?? "[]").Except(ChangeRules.ParseArray(after ?? "[]"), StringComparer.Ordinal).Select(ChangeRules.Unquote).ToList();
        bool WasAccepted(string member) => old.ContainsKey((ContractPaths.Member(path, member), FactAspects.Member)) || AdditionalState(old, path) != "reject";
        var narrows = gained.Any(WasAccepted);
        var widens = lost.Any(WasAccepted);
        return narrows && widens ? ChangeEffect.Changes : narrows ? ChangeEffect.Narrows : widens ? ChangeEffect.Widens : ChangeEffect.Annotation;
    }

    private static ContractChange PlaceRemoved(string contract, string name, ContractDirection direction, string place, ContractFact fact, Dictionary<(string, string), ContractFact> before, Dictionary<(string, string), ContractFact> after)
    {
        var where = name + place;
        switch (fact.Aspect)
        {
            case FactAspects.Member:
                var wasRequired = before.ContainsKey((place, FactAspects.Required));
                var owner = ContractPaths.Owner(place);
                var strict = AdditionalState(after, owner) == "reject";
                // A request member removed: older clients still send it, and a strict reader now refuses it. A response
                // member removed: older clients that required it refuse the value.
                var effect = Pick(
                    direction,
                    request: strict ? ChangeEffect.Narrows : ChangeEffect.Behaviour,
                    response: wasRequired ? ChangeEffect.Widens : ChangeEffect.Behaviour);
                return Change(contract, name, place, FactAspects.Member, "true", null, wasRequired ? "required-member-removed" : "member-removed", effect, direction,
                    $"{where}: the {(wasRequired ? "required " : string.Empty)}member was removed: {Consequence(effect, direction)}", fact.Location);
            case FactAspects.Case:
                return Change(contract, name, place, FactAspects.Case, "true", null, "case-removed", ChangeEffect.Narrows, direction,
                    $"{where}: the union case was removed: {Consequence(ChangeEffect.Narrows, direction)}", fact.Location);
            default:
                var removedEffect = fact.Aspect == FactAspects.Applies ? ChangeEffect.Unproven : ChangeEffect.Widens;
                return Change(contract, name, place, fact.Aspect, "true", null, fact.Aspect + "-removed", removedEffect, direction,
                    $"{where}: the schema of {Describe(fact.Aspect)} was removed: {Consequence(removedEffect, direction)}", fact.Location);
        }
    }

    private static ContractChange PlaceAdded(string contract, string name, ContractDirection direction, string place, ContractFact fact, Dictionary<(string, string), ContractFact> before, Dictionary<(string, string), ContractFact> after)
    {
        var where = name + place;
        switch (fact.Aspect)
        {
            case FactAspects.Member:
                var required = after.ContainsKey((place, FactAspects.Required));
                var strictBefore = AdditionalState(before, ContractPaths.Owner(place)) == "reject";
                // A new required request member: older clients do not send it. A new response member: older strict clients refuse it.
                var effect = Pick(
                    direction,
                    request: required ? ChangeEffect.Narrows : ChangeEffect.Capability,
                    response: strictBefore ? ChangeEffect.Widens : ChangeEffect.Capability);
                return Change(contract, name, place, FactAspects.Member, null, "true", required ? "required-member-added" : "member-added", effect, direction,
                    $"{where}: a {(required ? "required" : "new optional")} member: {Consequence(effect, direction)}", fact.Location);
            case FactAspects.Case:
                return Change(contract, name, place, FactAspects.Case, null, "true", "case-added", ChangeEffect.Widens, direction,
                    $"{where}: a new union case: {Consequence(ChangeEffect.Widens, direction)}", fact.Location);
            default:
                var addedEffect = fact.Aspect == FactAspects.Applies ? ChangeEffect.Unproven : ChangeEffect.Narrows;
                return Change(contract, name, place, fact.Aspect, null, "true", fact.Aspect + "-added", addedEffect, direction,
                    $"{where}: a schema for {Describe(fact.Aspect)} was added: {Consequence(addedEffect, direction)}", fact.Location);
        }
    }

    /// <summary>The effect for the contract's direction; for one that travels both ways, the one that needs the bigger bump.</summary>
    private static ChangeEffect Pick(ContractDirection direction, ChangeEffect request, ChangeEffect response) => direction switch
    {
        ContractDirection.Request => request,
        ContractDirection.Response => response,
        _ => ChangeRules.Bump(request, ContractDirection.Request) >= ChangeRules.Bump(response, ContractDirection.Response) ? request : response,
    };

    private static ContractChange Change(string contract, string name, string path, string aspect, string? before, string? after, string kind, ChangeEffect effect, ContractDirection direction, string message, LocationInfo? location) =>
        new(contract, name, path, aspect, before, after, kind, effect, direction, ChangeRules.Bump(effect, direction), message, location);

    /// <summary>The members an object accepts beyond its declared ones: <c>reject</c>, <c>schema</c> (a schema checks them) or <c>any</c>.</summary>
    private static string AdditionalState(Dictionary<(string, string), ContractFact> facts, string path) =>
        facts.TryGetValue((path, FactAspects.AdditionalProperties), out var flag) && flag.Value == "false" ? "reject"
        : facts.ContainsKey((ContractPaths.Values(path), FactAspects.Values)) ? "schema"
        : "any";

    private static string Members(string state) => state switch
    {
        "reject" => "refused",
        "schema" => "checked by a schema",
        _ => "accepted as anything",
    };

    /// <summary>Whether <paramref name="path"/> lies strictly below <paramref name="place"/>.</summary>
    private static bool IsBelow(string path, string place) =>
        path.Length > place.Length && path.StartsWith(place, StringComparison.Ordinal) && ".[{|&!".IndexOf(path[place.Length]) >= 0;

    private static Dictionary<string, ContractFact> Places(Dictionary<(string, string), ContractFact> facts)
    {
        var places = new Dictionary<string, ContractFact>(StringComparer.Ordinal);
        foreach (var pair in facts)
        {
            if (pair.Key.Item1.Length > 0 && Array.IndexOf(FactAspects.Places, pair.Key.Item2) >= 0 && pair.Key.Item2 != FactAspects.Contract && pair.Key.Item2 != FactAspects.Values)
            {
                places[pair.Key.Item1] = pair.Value;
            }
        }

        return places;
    }

    private static LocationInfo? Place(Dictionary<(string, string), ContractFact> facts, string path) =>
        facts.Values.FirstOrDefault(f => f.Path == path && f.Location is not null)?.Location;

    private static string? NameOf(Dictionary<string, Dictionary<(string, string), ContractFact>> index, string contract) =>
        index.TryGetValue(contract, out var facts) && facts.TryGetValue((string.Empty, FactAspects.Contract), out var fact) ? ChangeRules.Unquote(fact.Value) : null;

    private static Dictionary<string, Dictionary<(string, string), ContractFact>> Index(IReadOnlyList<ContractFact> facts)
    {
        var index = new Dictionary<string, Dictionary<(string, string), ContractFact>>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (!index.TryGetValue(fact.Contract, out var contract))
            {
                index[fact.Contract] = contract = new Dictionary<(string, string), ContractFact>();
            }

            // Two facts of one aspect at one place (a required mark written twice) are one.
            contract[(fact.Path, fact.Aspect)] = fact;
        }

        return index;
    }

    /// <summary>
    /// Each contract's direction: its own (declared or shown by its name), else the directions of the contracts that refer
    /// to it, followed through references until nothing changes; a contract neither says nor inherits travels both ways.
    /// The newer version says first; a removed contract keeps the direction it had.
    /// </summary>
    private static Dictionary<string, ContractDirection> Directions(IReadOnlyList<ContractFact> preferred, IReadOnlyList<ContractFact> fallback)
    {
        var own = new Dictionary<string, ContractDirection>(StringComparer.Ordinal);
        var references = new List<(string From, string To)>();
        foreach (var fact in fallback.Concat(preferred))
        {
            if (fact.Aspect == FactAspects.Direction && fact.Path.Length == 0 && ContractDirections.Parse(ChangeRules.Unquote(fact.Value)) is { } direction)
            {
                own[fact.Contract] = direction;
            }
            else if (fact.Aspect == FactAspects.Ref)
            {
                references.Add((fact.Contract, ChangeRules.Unquote(fact.Value)));
            }
        }

        var result = new Dictionary<string, ContractDirection>(own, StringComparer.Ordinal);
        var inherited = new Dictionary<string, ContractDirection>(StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (from, to) in references)
            {
                if (own.ContainsKey(to) || !(result.TryGetValue(from, out var source) || inherited.TryGetValue(from, out source)))
                {
                    continue;
                }

                var combined = ContractDirections.Combine(inherited.TryGetValue(to, out var current) ? current : null, source);
                if (!inherited.TryGetValue(to, out var existing) || existing != combined)
                {
                    inherited[to] = combined;
                    changed = true;
                }
            }
        }

        foreach (var pair in inherited)
        {
            result[pair.Key] = pair.Value;
        }

        // A definition nothing refers to (or nothing with a direction) travels as its file's root does.
        foreach (var contract in fallback.Concat(preferred).Select(f => f.Contract).Distinct(StringComparer.Ordinal).ToList())
        {
            var hash = contract.IndexOf('#');
            if (hash > 0 && !result.ContainsKey(contract) && result.TryGetValue(contract.Substring(0, hash), out var file))
            {
                result[contract] = file;
            }
        }

        return result;
    }

    private static string KindOf(string aspect, string? before, string? after, ChangeEffect effect)
    {
        if (before is null)
        {
            return aspect + "-added";
        }

        if (after is null)
        {
            return aspect + "-removed";
        }

        if (Array.IndexOf(FactAspects.LowerBounds, aspect) >= 0 || Array.IndexOf(FactAspects.UpperBounds, aspect) >= 0)
        {
            return aspect + (ChangeRules.Number(after) > ChangeRules.Number(before) ? "-raised" : "-lowered");
        }

        return aspect + effect switch
        {
            ChangeEffect.Widens => "-widened",
            ChangeEffect.Narrows => "-narrowed",
            _ => "-changed",
        };
    }

    private static string Describe(string place, string aspect, string? before, string? after, ChangeEffect effect, ContractDirection direction)
    {
        var what = aspect == FactAspects.Description ? (before is null ? "a description was added" : after is null ? "the description was removed" : "the description changed")
            : aspect == FactAspects.Enum && before is not null && after is not null ? EnumDifference(before, after)
            : aspect == FactAspects.Required ? (after is null ? "the member is no longer required" : "the member is now required")
            : aspect == FactAspects.Pattern && before is not null && after is not null && PatternDifference(before, after) is { } literals ? literals
            : before is null ? $"{aspect} {after} was added"
            : after is null ? $"{aspect} {before} was removed"
            : $"{aspect} changed from {before} to {after}";
        return $"{place}: {what}: {Consequence(effect, direction)}";
    }

    /// <summary>For two patterns that list literal strings, the strings gained and lost; else null.</summary>
    private static string? PatternDifference(string before, string after)
    {
        if (PatternLiterals.Of(ChangeRules.Unquote(before)) is not { } old || PatternLiterals.Of(ChangeRules.Unquote(after)) is not { } @new)
        {
            return null;
        }

        var gained = @new.Except(old, StringComparer.Ordinal).Select(FactText.Quote).ToList();
        var lost = old.Except(@new, StringComparer.Ordinal).Select(FactText.Quote).ToList();
        var parts = new List<string>();
        if (gained.Count > 0)
        {
            parts.Add("the pattern now also admits " + string.Join(", ", gained));
        }

        if (lost.Count > 0)
        {
            parts.Add((parts.Count > 0 ? "and no longer " : "the pattern no longer admits ") + string.Join(", ", lost));
        }

        return parts.Count == 0 ? "the pattern was rewritten, admitting the same strings" : string.Join(" ", parts);
    }

    private static string EnumDifference(string before, string after)
    {
        var old = ChangeRules.ParseArray(before);
        var @new = ChangeRules.ParseArray(after);
        var gained = @new.Except(old, StringComparer.Ordinal).ToList();
        var lost = old.Except(@new, StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (gained.Count > 0)
        {
            parts.Add("the enum gained " + string.Join(", ", gained));
        }

        if (lost.Count > 0)
        {
            parts.Add((parts.Count > 0 ? "and lost " : "the enum lost ") + string.Join(", ", lost));
        }

        return string.Join(" ", parts);
    }

    private static string Describe(string aspect) => aspect switch
    {
        FactAspects.Items => "the items",
        FactAspects.Item => "the item at that position",
        FactAspects.PatternMember => "the members that pattern names",
        FactAspects.Applies => "that keyword",
        _ => aspect,
    };

    /// <summary>What the effect means for the side that reads the value, in the contract's direction.</summary>
    private static string Consequence(ChangeEffect effect, ContractDirection direction)
    {
        var reader = direction switch
        {
            ContractDirection.Request => "a server",
            ContractDirection.Response => "an older client",
            _ => "a reader on either side",
        };
        return effect switch
        {
            ChangeEffect.Annotation => "nothing changes on the wire (patch).",
            ChangeEffect.Widens when direction == ContractDirection.Request => "a server accepts more than before; older clients are unaffected (minor).",
            ChangeEffect.Widens => $"values the old contract refused may now be sent, and {reader} built against it refuses them (major).",
            ChangeEffect.Narrows when direction == ContractDirection.Response => "the values sent are a subset of what older clients accept (patch).",
            ChangeEffect.Narrows => $"values the old contract accepted are now refused, so {(direction == ContractDirection.Request ? "requests of older clients" : "values written by older peers")} can fail (major).",
            ChangeEffect.Changes => $"values are both gained and lost, so {reader} built against the old contract can fail (major).",
            ChangeEffect.Behaviour => "the wire still validates, but what the reader does with the value changes: a value older peers send or expect may now be ignored or missing (minor).",
            ChangeEffect.Capability => "a new capability; older peers are unaffected (minor).",
            _ => "the change may narrow or widen what is accepted and could not be proven either way; treated as breaking (major, unproven).",
        };
    }
}
