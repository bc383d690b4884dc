using System;
using System.Collections.Generic;
using System.Linq;
using Stagehand.Benchmarks.Payloads;

namespace Stagehand.Benchmarks.Quick;

/// <summary>A comparison of this run: a ratio (or a byte count) against the target, or reported only.</summary>
internal sealed record TargetResult(
    string Name,
    string Compares,
    double? Ratio,
    string? Target,
    bool? Met,
    double? CandidateMedianNs,
    double? BaselineMedianNs,
    string? Unit = null,
    string? Note = null);

/// <summary>The targets, unchanged: each ratio is candidate median / baseline median from the same run.</summary>
internal static class Targets
{
    private static readonly PayloadKind[] Payloads = [PayloadKind.Small, PayloadKind.Medium, PayloadKind.Large];

    public static IReadOnlyList<TargetResult> Evaluate(IReadOnlyList<Measurement> measurements, IReadOnlyDictionary<PayloadKind, double> allocations, string? analyzerProblem)
    {
        var results = new List<TargetResult>();
        foreach (var payload in Payloads)
        {
            var p = payload.ToString().ToLowerInvariant();
            results.Add(Ratio(measurements, $"validate.vs-njsonschema.{p}", "generated Validate / NJsonSchema Validate",
                nameof(ValidateBenchmarks), nameof(ValidateBenchmarks.Generated), nameof(ValidateBenchmarks.NJsonSchema), payload,
                max: 1.0 / 25, target: "<= 0.04 (at least 25x faster)"));
        }

        foreach (var payload in Payloads)
        {
            var p = payload.ToString().ToLowerInvariant();
            var m = Find(measurements, nameof(ValidateBenchmarks), nameof(ValidateBenchmarks.Generated), payload);
            var bytes = allocations[payload];
            results.Add(new TargetResult(
                $"validate.allocated.{p}",
                "bytes one generated Validate call allocates on the valid document (calling thread, exact)",
                bytes,
                "0 B",
                bytes == 0,
                m?.MedianNs,
                null,
                Unit: "B",
                Note: m?.AllocatedBytes is { } reported ? $"BenchmarkDotNet (whole process): {reported} B/op" : null));
        }

        foreach (var payload in Payloads)
        {
            var p = payload.ToString().ToLowerInvariant();
            results.Add(Ratio(measurements, $"validate.vs-floor.{p}", "generated Validate / Utf8JsonReader scan",
                nameof(ValidateBenchmarks), nameof(ValidateBenchmarks.Generated), nameof(ValidateBenchmarks.ReaderFloor), payload,
                max: 2.0, target: "<= 2 (within 2x of the floor)"));
        }

        foreach (var payload in Payloads)
        {
            var p = payload.ToString().ToLowerInvariant();
            results.Add(Ratio(measurements, $"parse.vs-stj.{p}", "generated TryParse / STJ source-gen Deserialize (no validation)",
                nameof(ParseBenchmarks), nameof(ParseBenchmarks.Generated), nameof(ParseBenchmarks.StjSourceGenerated), payload,
                max: 1.25, target: "<= 1.25"));
        }

        foreach (var payload in Payloads)
        {
            var p = payload.ToString().ToLowerInvariant();
            results.Add(Ratio(measurements, $"parse.vs-newtonsoft-njsonschema.{p}", "generated TryParse / Newtonsoft parse + NJsonSchema validate + ToObject",
                nameof(ParseBenchmarks), nameof(ParseBenchmarks.Generated), nameof(ParseBenchmarks.NewtonsoftWithNJsonSchema), payload,
                max: null, target: null));
        }

        foreach (var payload in Payloads)
        {
            var p = payload.ToString().ToLowerInvariant();
            results.Add(Ratio(measurements, $"write.vs-stj.{p}", "generated WriteTo / STJ source-gen Serialize",
                nameof(WriteBenchmarks), nameof(WriteBenchmarks.Generated), nameof(WriteBenchmarks.StjSourceGenerated), payload,
                max: null, target: null));
        }

        results.Add(Ratio(measurements, "generator.rerun-unrelated-edit", "generator re-run after an unrelated C# edit / full run",
            nameof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.RerunAfterUnrelatedEdit), nameof(GeneratorBenchmarks.FullRun), null,
            max: 0.01, target: "< 0.01 (under 1% of a full run)", strict: true));
        results.Add(Ratio(measurements, "generator.rerun-schema-edit", "generator re-run after editing one schema / full run",
            nameof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.RerunAfterSchemaEdit), nameof(GeneratorBenchmarks.FullRun), null,
            max: null, target: null));

        if (analyzerProblem is null)
        {
            results.Add(Ratio(measurements, "analyzers.vs-compilation", "compilation + all analyzers / compilation alone (2,000 types)",
                nameof(AnalyzerBenchmarks), nameof(AnalyzerBenchmarks.WithAnalyzers), nameof(AnalyzerBenchmarks.CompilationAlone), null,
                max: 1.10, target: "< 1.10 (analyzers add under 10%)", strict: true));
        }
        else
        {
            results.Add(new TargetResult("analyzers.vs-compilation", "compilation + all analyzers / compilation alone (2,000 types)",
                null, "< 1.10 (analyzers add under 10%)", null, null, null, Note: "not run: " + analyzerProblem));
        }

        return results;
    }

    private static TargetResult Ratio(
        IReadOnlyList<Measurement> measurements, string name, string compares, string type, string candidate, string baseline,
        PayloadKind? payload, double? max, string? target, bool strict = false)
    {
        var c = Find(measurements, type, candidate, payload);
        var b = Find(measurements, type, baseline, payload);
        if (c?.MedianNs is not { } cn || b?.MedianNs is not { } bn || bn <= 0)
        {
            return new TargetResult(name, compares, null, target, max is null ? null : false, c?.MedianNs, b?.MedianNs, Note: "a benchmark failed; see the log above");
        }

        var ratio = cn / bn;
        bool? met = max is { } limit ? (strict ? ratio < limit : ratio <= limit) : null;
        return new TargetResult(name, compares, ratio, target, met, cn, bn);
    }

    private static Measurement? Find(IReadOnlyList<Measurement> measurements, string type, string method, PayloadKind? payload) =>
        measurements.FirstOrDefault(m => m.Class == type && m.Method == method && m.Payload == payload);
}
