using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Stagehand.Differential.Tests;
using Stagehand.Generators.Tests.Fuzzing;
using Stagehand.Schema.Evolution;

namespace Stagehand.Generators.Tests.Evolution;

/// <summary>
/// The classification, tried on random contracts and random changes: what it calls compatible keeps every document
/// valid on the side that reads it (instances of the old request still pass the new one; instances of the new response
/// still pass the old one), and what it calls breaking comes with a witness the generated readers of the two versions
/// really disagree on.
/// </summary>
public sealed class ChangePropertyTests
{
    private static readonly string[] Directions = ["request", "response", "both"];

    private static readonly string[] MemberNames = ["a", "b", "c", "d"];

    /// <summary>How many random changes a test run tries (<c>STAGEHAND_EVOLUTION_SAMPLES</c> for a longer run).</summary>
    private static readonly int Samples = int.TryParse(Environment.GetEnvironmentVariable("STAGEHAND_EVOLUTION_SAMPLES"), out var n) ? n : 150;

    [Fact]
    public void CompatibleChangesKeepDocumentsValidAndBreakingOnesShowTheBreak()
    {
        var compatible = 0;
        var witnessed = 0;
        Gen.Select(Contract, Gen.Int[0, 2].Select(i => Directions[i]), Gen.Int[0, 9], Gen.Int[0, 1000], Member(0))
            .Sample((contract, direction, mutation, choice, newMember) =>
            {
                var before = (JsonObject)contract.DeepClone();
                var after = (JsonObject)contract.DeepClone();
                if (!Mutate(after, mutation, choice, newMember))
                {
                    return;
                }

                switch (Check(direction, before, after, choice))
                {
                    case true: compatible++; break;
                    case false: witnessed++; break;
                }
            }, iter: Samples, seed: "0N0XIzNsQ0O2", threads: 1);

        // Both halves of the property were really tried.
        Assert.True(compatible >= Samples / 10, compatible + " compatible changes checked");
        Assert.True(witnessed >= Samples / 10, witnessed + " breaking changes witnessed");
    }

    /// <summary>True when the change was compatible and checked with instances, false when breaking and witnessed, null when there was no change.</summary>
    private static bool? Check(string direction, JsonObject before, JsonObject after, int seed)
    {
        before["x-stagehand-direction"] = direction;
        after["x-stagehand-direction"] = direction;
        var beforeText = before.ToJsonString();
        var afterText = after.ToJsonString();
        var changes = ContractDiff.Compare(ChangeCatalogueTests.Facts(direction, Body(beforeText)), ChangeCatalogueTests.Facts(direction, Body(afterText)));
        if (changes.Count == 0)
        {
            return null;
        }

        var assembly = GeneratedCodeCompilesTests.Load([new RandomSchemaFile("Before.schema.json", beforeText), new RandomSchemaFile("After.schema.json", afterText)]);
        var old = GeneratedCodeCompilesTests.Contract(assembly, "Before");
        var @new = GeneratedCodeCompilesTests.Contract(assembly, "After");
        var context = $"\nbefore {beforeText}\nafter  {afterText}\nchanges:\n" + string.Join("\n", changes.Select(c => $"  {c.Kind} {c.Bump} {c.Witness}"));

        if (ContractDiff.RequiredBump(changes) < VersionBump.Major)
        {
            // Compatible: documents the reader's side may meet stay valid for it.
            if (direction != "response")
            {
                foreach (var document in Instances(beforeText, seed))
                {
                    Assert.True(!old.Validate(document, null).IsValid || @new.Validate(document, null).IsValid, "an old request the new contract refuses: " + Encoding.UTF8.GetString(document) + context);
                }
            }

            if (direction != "request")
            {
                foreach (var document in Instances(afterText, seed))
                {
                    Assert.True(!@new.Validate(document, null).IsValid || old.Validate(document, null).IsValid, "a new response the old contract refuses: " + Encoding.UTF8.GetString(document) + context);
                }
            }

            return true;
        }

        foreach (var change in changes.Where(c => c.IsBreaking && !c.IsUnproven))
        {
            Assert.True(change.Witness is not null, change.Kind + ": a breaking change without a witness" + context);
            var requestSide = change.Direction == ContractDirection.Request
                || (change.Direction == ContractDirection.Both && ChangeRules.Bump(change.Effect, ContractDirection.Request) == VersionBump.Major);
            var (accepting, refusing) = requestSide ? (old, @new) : (@new, old);
            var json = Encoding.UTF8.GetBytes(change.Witness!);
            Assert.True(accepting.Validate(json, null).IsValid, change.Kind + ": the witness is refused by the side that should accept it: " + accepting.Validate(json, null) + context);
            Assert.False(refusing.Validate(json, null).IsValid, change.Kind + ": the witness is accepted by both sides" + context);
        }

        return false;
    }

    /// <summary>A schema's content without its braces, as the catalogue's schemas are written.</summary>
    private static string Body(string schema) => schema.Substring(1, schema.Length - 2);

    /// <summary>Valid instances of a contract, from the schema-driven instance generator the differential tests use.</summary>
    private static IEnumerable<byte[]> Instances(string schema, int seed)
    {
        var folder = Directory.CreateTempSubdirectory("stagehand-evolution").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Thing.schema.json"), schema);
            var store = new SchemaStore(folder);
            var values = new InstanceGenerator(store).For(store.Resolve("Thing.schema.json", string.Empty));
            var pcg = new PCG((uint)seed, 7);
            return Enumerable.Range(0, 12).Select(i => Encoding.UTF8.GetBytes(values.Generate(pcg, null, out _).Value?.ToJsonString() ?? "null")).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Gen<JsonObject> Contract =>
        Gen.Select(Member(0).Array[1, 4], Gen.Int[0, 15], Gen.Bool, (members, requiredMask, strict) =>
        {
            var properties = new JsonObject();
            var required = new JsonArray();
            for (var i = 0; i < members.Length; i++)
            {
                properties[MemberNames[i]] = members[i];
                if (((requiredMask >> i) & 1) == 1)
                {
                    required.Add(MemberNames[i]);
                }
            }

            var contract = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["type"] = "object",
                ["properties"] = properties,
            };
            if (required.Count > 0)
            {
                contract["required"] = required;
            }

            if (strict)
            {
                contract["additionalProperties"] = false;
            }

            return contract;
        });

    /// <summary>A member's schema: a string, integer, number, boolean or array, with some of their bounds, sometimes nullable.</summary>
    private static Gen<JsonObject> Member(int depth) =>
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 7], Gen.Int[0, 5], Gen.Bool, (kind, bounds, low, nullable) =>
        {
            var schema = kind switch
            {
                0 => new JsonObject { ["type"] = "string" },
                1 => new JsonObject { ["type"] = "integer" },
                2 => new JsonObject { ["type"] = "number" },
                3 => new JsonObject { ["type"] = "boolean" },
                _ => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            };
            switch (kind, bounds)
            {
                case (0, 1): schema["minLength"] = low; break;
                case (0, 2): schema["maxLength"] = low + 3; break;
                case (0, 3): schema["enum"] = new JsonArray("x", "y", "z"); break;
                case (0, 4): schema["pattern"] = "^(x|y|zz)$"; break;
                case (1 or 2, 1): schema["minimum"] = low; break;
                case (1 or 2, 2): schema["maximum"] = low + 10; break;
                case (4, 1): schema["minItems"] = low % 3; break;
                case (4, 2): schema["maxItems"] = low + 2; break;
            }

            if (nullable && kind != 4 && !schema.ContainsKey("enum"))
            {
                schema["type"] = new JsonArray((JsonNode)schema["type"]!.GetValue<string>(), "null");
            }

            return schema;
        });

    /// <summary>One random change to a contract; false when the change does not apply to it.</summary>
    private static bool Mutate(JsonObject contract, int mutation, int choice, JsonObject newMember)
    {
        var properties = contract["properties"]!.AsObject();
        var names = properties.Select(p => p.Key).ToList();
        var name = names[choice % names.Count];
        var member = properties[name]!.AsObject();
        var required = contract["required"] as JsonArray;
        switch (mutation)
        {
            case 0:
                // A bound moved up or down, added or removed.
                var bound = new[] { "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems" }.FirstOrDefault(member.ContainsKey);
                if (bound is null)
                {
                    return false;
                }

                var value = member[bound]!.GetValue<int>();
                if (choice % 3 == 0)
                {
                    member.Remove(bound);
                }
                else
                {
                    member[bound] = Math.Max(0, value + (choice % 3 == 1 ? 2 : -1));
                }

                return true;
            case 1:
                if (member["enum"] is not JsonArray values)
                {
                    return false;
                }

                if (choice % 2 == 0)
                {
                    values.Add("w");
                }
                else
                {
                    values.RemoveAt(values.Count - 1);
                }

                return true;
            case 2:
                // Required toggled.
                if (required?.Any(r => r!.GetValue<string>() == name) == true)
                {
                    var kept = new JsonArray(required.Where(r => r!.GetValue<string>() != name).Select(r => (JsonNode)r!.GetValue<string>()).ToArray());
                    if (kept.Count == 0)
                    {
                        contract.Remove("required");
                    }
                    else
                    {
                        contract["required"] = kept;
                    }
                }
                else
                {
                    contract["required"] = new JsonArray((required ?? new JsonArray()).Select(r => (JsonNode)r!.GetValue<string>()).Append(name).ToArray());
                }

                return true;
            case 3:
                // A new member, optional or required.
                var added = MemberNames.FirstOrDefault(n => !properties.ContainsKey(n));
                if (added is null)
                {
                    return false;
                }

                properties[added] = newMember.DeepClone();
                if (choice % 2 == 0)
                {
                    contract["required"] = new JsonArray((required ?? new JsonArray()).Select(r => (JsonNode)r!.GetValue<string>()).Append(added).ToArray());
                }

                return true;
            case 4:
                // A member removed (and its required mark).
                if (names.Count < 2)
                {
                    return false;
                }

                properties.Remove(name);
                if (required is not null)
                {
                    var kept = required.Where(r => r!.GetValue<string>() != name).Select(r => (JsonNode)r!.GetValue<string>()).ToArray();
                    contract.Remove("required");
                    if (kept.Length > 0)
                    {
                        contract["required"] = new JsonArray(kept);
                    }
                }

                return true;
            case 5:
                // Nullability toggled.
                if (member["type"] is JsonArray types)
                {
                    member["type"] = types[0]!.GetValue<string>();
                }
                else if (member["enum"] is null)
                {
                    member["type"] = new JsonArray((JsonNode)member["type"]!.GetValue<string>(), "null");
                }
                else
                {
                    return false;
                }

                return true;
            case 6:
                // integer and number swapped, or a string made an integer.
                var type = member["type"] is JsonValue single ? single.GetValue<string>() : null;
                if (type is "integer" or "number" && !member.ContainsKey("multipleOf"))
                {
                    member["type"] = type == "integer" ? "number" : "integer";
                    return true;
                }

                if (type == "string" && member.Count == 1)
                {
                    member["type"] = "integer";
                    return true;
                }

                return false;
            case 7:
                // Unknown members: refused, or accepted.
                if (contract.ContainsKey("additionalProperties"))
                {
                    contract.Remove("additionalProperties");
                }
                else
                {
                    contract["additionalProperties"] = false;
                }

                return true;
            case 8:
                // A bound where there was none.
                var (boundName, boundValue) = member["type"]?.ToString() switch
                {
                    "string" => ("maxLength", 4),
                    "integer" or "number" => ("maximum", 8),
                    "array" => ("maxItems", 3),
                    _ => (string.Empty, 0),
                };
                if (boundName.Length == 0 || member.ContainsKey(boundName))
                {
                    return false;
                }

                // Above any lower bound, so that the contract still has values.
                var lower = new[] { "minLength", "minimum", "minItems" }.Where(member.ContainsKey).Select(k => member[k]!.GetValue<int>()).DefaultIfEmpty(0).Max();
                member[boundName] = Math.Max(boundValue, lower + 2);
                return true;
            default:
                // A pattern's literals gain or lose one.
                if (member["pattern"] is null)
                {
                    return false;
                }

                member["pattern"] = choice % 2 == 0 ? "^(x|y|zz|w)$" : "^(x|zz)$";
                return true;
        }
    }
}
