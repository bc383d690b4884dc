using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CsCheck;
using NJsonSchema;
using Stagehand.Contracts;
using Xunit.Abstractions;

namespace Stagehand.Differential.Tests;

/// <summary>
/// Issue 4, "Differential": valid instances of every contract and mutations of them, generated with CsCheck from the
/// schema files, must get the same verdict from the generated validators (policy AsDeclared) and from NJsonSchema
/// 11.6.2, except where a listed NJsonSchema defect explains the difference. TryParse must agree with Validate.
/// </summary>
public sealed class DifferentialTests
{
    /// <summary>Fixed seed: the same documents on every run.</summary>
    private const ulong Seed = 0x5354_4147_4548_414E;

    private const int ValidPerContract = 60;
    private const int MutationsPerContract = 240;

    private readonly ITestOutputHelper _output;

    public DifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Generated_validators_agree_with_NJsonSchema_on_valid_instances_and_mutations()
    {
        var stopwatch = Stopwatch.StartNew();
        var store = SchemaStore.Shared;
        var generator = new InstanceGenerator(store);
        var bundler = new NJsonSchemaBundle(store);
        var problems = new List<string>();
        var unexplained = new List<string>();
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        var problemKinds = new HashSet<string>(StringComparer.Ordinal);
        var parseMismatches = 0;
        var viaType = 0;
        var defectCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var defectExamples = new Dictionary<string, string>(StringComparer.Ordinal);
        var mutationCounts = new SortedDictionary<string, (int Cases, int Disagreements)>(StringComparer.Ordinal);
        int total = 0, agreed = 0, known = 0, unexplainedCount = 0;

        foreach (var descriptor in StagehandContracts.Registry.All)
        {
            var schema = store.FindContract(descriptor);
            var bundle = bundler.Bundle(schema).ToJsonString();
            var theirs = await JsonSchema.FromJsonAsync(bundle);
            var contract = new ContractUnderTest(descriptor, schema, bundle, theirs);
            viaType += contract.UsesTypeEntryPoints ? 1 : 0;
            var instances = generator.For(schema);
            var pcg = new PCG(Stream(descriptor.Name), Seed);

            var cases = new List<Case>();
            for (var i = 0; i < ValidPerContract + MutationsPerContract; i++)
            {
                var instance = instances.Generate(pcg, null, out _);
                cases.Add(i < ValidPerContract
                    ? Mutations.ValidCase(descriptor.Name, instance)
                    : Mutations.Of(descriptor.Name, instance).Generate(pcg, null, out _));
            }

            foreach (var c in cases)
            {
                total++;
                var verdicts = contract.Run(c.Json);
                var stats = mutationCounts.GetValueOrDefault(c.Mutation);

                if (c.Mutation == Mutations.Valid && !verdicts.Ours.IsValid && KnownDefects.Explain(c, verdicts, contract.Run).Count == 0)
                {
                    problems.Add($"{descriptor.Name}: a generated VALID instance is rejected by our validator: {c.Json}\n    {verdicts.Describe()}");
                }

                if (verdicts.Parsed != verdicts.Ours.IsValid || !SameErrors(verdicts.Ours, verdicts.ParseResult))
                {
                    parseMismatches++;
                    if (problemKinds.Add(descriptor.Name + "|" + string.Join(",", verdicts.ParseResult.Errors.Select(e => e.Message).Concat(verdicts.Ours.Errors.Select(e => e.Message)).Distinct())))
                    {
                        problems.Add($"{descriptor.Name}: TryParse ({verdicts.Parsed}: {verdicts.ParseResult}) disagrees with Validate ({verdicts.Ours}) on {c.Json}");
                    }
                }

                if (verdicts.Agree)
                {
                    agreed++;
                    mutationCounts[c.Mutation] = (stats.Cases + 1, stats.Disagreements);
                    continue;
                }

                mutationCounts[c.Mutation] = (stats.Cases + 1, stats.Disagreements + 1);
                var explanation = KnownDefects.Explain(c, verdicts, contract.Run);
                if (explanation.Count > 0)
                {
                    known++;
                    var key = string.Join("+", explanation);
                    defectCounts[key] = defectCounts.GetValueOrDefault(key) + 1;
                    if (!defectExamples.ContainsKey(key))
                    {
                        defectExamples[key] = $"{descriptor.Name} [{c.Mutation}{(c.Site is null ? string.Empty : " at '" + c.Site.Pointer + "'")}{(c.Detail.Length > 0 ? ": " + c.Detail : string.Empty)}] {Shorten(c.Json, 300)}\n      {verdicts.Describe()}";
                    }

                    continue;
                }

                unexplainedCount++;
                var signature = c.Mutation + "|" + string.Join(",", verdicts.Ours.Errors.Select(e => e.Keyword).Distinct()) + "|" + verdicts.Theirs;
                if (unexplained.Count < 20 && signatures.Add(signature))
                {
                    unexplained.Add(
                        $"{descriptor.Name} [{c.Mutation}{(c.Site is null ? string.Empty : " at '" + c.Site.Pointer + "' " + c.Site.Flags)}{(c.Detail.Length > 0 ? ": " + c.Detail : string.Empty)}]\n" +
                        $"    json: {Shorten(c.Json)}\n    {verdicts.Describe()}");
                }
            }
        }

        var line = $"differential: {agreed} agreed, {known} known-defect, {unexplainedCount} unexplained of {total}";
        Console.WriteLine(line);
        _output.WriteLine(line);
        _output.WriteLine($"({StagehandContracts.Registry.All.Count} contracts, {viaType} through their own static Validate, {ValidPerContract} valid + {MutationsPerContract} mutated each, seed 0x{Seed:X}, {stopwatch.Elapsed.TotalSeconds:0.0} s)");
        var parseLine = $"TryParse vs Validate: {parseMismatches} disagreements of {total}";
        Console.WriteLine(parseLine);
        _output.WriteLine(parseLine);
        WriteSummary(line + "\n" + parseLine + "\n");
        foreach (var (id, count) in defectCounts)
        {
            _output.WriteLine($"  known defect {id}: {count}, e.g. {defectExamples[id]}");
        }

        foreach (var (mutation, (cases, disagreements)) in mutationCounts)
        {
            _output.WriteLine($"  {mutation}: {cases} cases, {disagreements} disagreements");
        }

        foreach (var example in unexplained)
        {
            _output.WriteLine(example);
            Console.WriteLine(example);
        }

        foreach (var problem in problems.Take(20))
        {
            _output.WriteLine(problem);
            Console.WriteLine(problem);
        }

        Assert.True(unexplainedCount == 0, $"{line}; first examples:\n" + string.Join("\n", unexplained));
        Assert.True(problems.Count == 0, $"{problems.Count} problems; first:\n" + string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public async Task Every_listed_defect_has_a_predicate_and_NJsonSchema_really_gets_its_example_wrong()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "njsonschema-defects.json")))!;
        var listed = file["defects"]!.AsArray().Select(d => d!.AsObject()).ToArray();
        Assert.Equal(
            KnownDefects.All.Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal),
            listed.Select(d => d["id"]!.GetValue<string>()).OrderBy(x => x, StringComparer.Ordinal));

        foreach (var defect in listed)
        {
            var id = defect["id"]!.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(defect["reason"]?.GetValue<string>()), id + " has no reason");
            var instance = defect["instanceText"]?.GetValue<string>() ?? defect["instance"]!.ToJsonString();
            switch (defect["kind"]?.GetValue<string>())
            {
                case "njsonschema-defect":
                    var schema = await JsonSchema.FromJsonAsync(defect["schema"]!.ToJsonString());
                    var spec = defect["spec"]!.GetValue<string>() == "valid";
                    bool? theirs;
                    try
                    {
                        theirs = schema.Validate(instance).Count == 0;
                    }
                    catch (Exception)
                    {
                        theirs = null;
                    }

                    Assert.True(theirs != spec, $"{id}: NJsonSchema answers its example {instance} correctly; the defect is not real");
                    break;
                case "stagehand-rule":
                    Assert.True(StagehandContracts.Registry.TryGet(defect["contract"]!.GetValue<string>(), out var descriptor), id + ": no such contract");
                    var located = SchemaStore.Shared.FindContract(descriptor);
                    var bundle = new NJsonSchemaBundle(SchemaStore.Shared).Bundle(located).ToJsonString();
                    var contract = new ContractUnderTest(descriptor, located, bundle, await JsonSchema.FromJsonAsync(bundle));
                    var verdicts = contract.Run(instance);
                    Assert.True(!verdicts.Ours.IsValid && verdicts.Theirs == true, $"{id}: expected ours to reject and NJsonSchema to accept {instance}; {verdicts.Describe()}");
                    break;
                default:
                    Assert.Fail(id + ": kind must be njsonschema-defect or stagehand-rule");
                    break;
            }
        }
    }

    [Fact]
    public void The_instance_generator_knows_every_construct_and_its_valid_instances_are_valid_by_the_RFCs()
    {
        var store = SchemaStore.Shared;
        var generator = new InstanceGenerator(store);
        var pcg = new PCG(1, Seed);
        foreach (var descriptor in StagehandContracts.Registry.All)
        {
            var gen = generator.For(store.FindContract(descriptor));
            for (var i = 0; i < 20; i++)
            {
                var instance = gen.Generate(pcg, null, out _);
                foreach (var site in instance.Sites)
                {
                    var value = JsonText.At(instance.Value, site.Path);
                    if (value is JsonValue v && v.TryGetValue<string>(out var s) && site.Schema["format"]?.GetValue<string>() is { } format)
                    {
                        var ok = format switch
                        {
                            "uuid" => Rfc.IsUuid(s),
                            "date-time" => Rfc.IsDateTime(s),
                            "uri" => Rfc.IsUri(s),
                            _ => true,
                        };
                        Assert.True(ok, $"{descriptor.Name}: generated {format} '{s}' fails the test's own RFC reading");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Issue #10: every contract of the registry serializes and deserializes through <see cref="StagehandContracts.JsonResolver"/>
    /// (the Native AOT path), reading what the contract's parser reads and writing what its own writer writes.
    /// </summary>
    [Fact]
    public void Every_registered_contract_round_trips_through_the_AOT_resolver()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = StagehandContracts.JsonResolver };
        var store = SchemaStore.Shared;
        var generator = new InstanceGenerator(store);
        var pcg = new PCG(2, Seed);
        foreach (var descriptor in StagehandContracts.Registry.All)
        {
            var instances = generator.For(store.FindContract(descriptor));
            var tried = 0;
            for (var i = 0; i < 30; i++)
            {
                var utf8 = Encoding.UTF8.GetBytes(JsonText.Write(instances.Generate(pcg, null, out _).Value));
                if (!descriptor.TryParse(utf8, null, out var expected, out _))
                {
                    // A value the contract refuses though JSON Schema allows it (a uri System.Uri refuses): not a resolver matter.
                    continue;
                }

                tried++;
                var value = JsonSerializer.Deserialize(utf8, descriptor.Type, options);
                Assert.True(Equals(expected, value), $"{descriptor.Name}: the resolver read {value}, the contract's parser {expected}");

                var written = JsonSerializer.Serialize(value, descriptor.Type, options);
                var plain = JsonSerializer.Serialize(expected, descriptor.Type);
                Assert.True(plain == written, $"{descriptor.Name}: through the resolver {written}, with plain options {plain}");

                var again = JsonSerializer.Deserialize(written, descriptor.Type, options);
                Assert.True(Equals(value, again), $"{descriptor.Name}: {written} reads back as {again}");
                Assert.Equal(written, JsonSerializer.Serialize(again, descriptor.Type, options));
            }

            Assert.True(tried >= 10, $"{descriptor.Name}: only {tried} of 30 generated instances were valid");
        }
    }

    private static bool SameErrors(ValidationResult a, ValidationResult b) =>
        a.Errors.Select(e => e.Pointer + " " + e.Keyword).SequenceEqual(b.Errors.Select(e => e.Pointer + " " + e.Keyword));

    private static uint Stream(string name)
    {
        var hash = 2166136261u;
        foreach (var ch in name)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return hash;
    }

    /// <summary>Leaves the summary where CI prints it (<c>TestResults/differential.txt</c> at the repository root).</summary>
    private static void WriteSummary(string text)
    {
        var results = System.IO.Directory.CreateDirectory(System.IO.Path.Combine(TestRepository.Root, "TestResults"));
        System.IO.File.WriteAllText(System.IO.Path.Combine(results.FullName, "differential.txt"), text);
    }

    private static string Shorten(string json, int length = 600) => json.Length <= length ? json : json.Substring(0, length) + "...";
}
