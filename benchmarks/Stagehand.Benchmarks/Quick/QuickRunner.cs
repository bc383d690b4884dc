using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Stagehand.Benchmarks.Payloads;

namespace Stagehand.Benchmarks.Quick;

/// <summary>
/// The quick mode: every benchmark class with a short in-process job (no per-benchmark project build), all in one
/// process and one run, then each target ratio (candidate median / baseline median, both from this run), printed and
/// written to <c>BenchmarkDotNet.Artifacts/summary.json</c> under the current directory.
/// </summary>
internal static class QuickRunner
{
    private const string ArtifactsFolder = "BenchmarkDotNet.Artifacts";

    public static int Run(string[] args)
    {
        var clock = Stopwatch.StartNew();
        var loadBefore = LoadAverage();
        var artifacts = Path.GetFullPath(ArtifactsFolder);
        Directory.CreateDirectory(artifacts);

        var toolchain = new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true);
        var fast = Job.Default
            .WithToolchain(toolchain)
            .WithLaunchCount(1)
            .WithWarmupCount(16) // the generated readers are many small methods: tiered JIT needs about 1 s to settle
            .WithIterationCount(9)
            .WithIterationTime(TimeInterval.FromMilliseconds(60))
            .WithEvaluateOverhead(false) // about 1 ns per call; every benchmark here takes a microsecond or more
            .WithId("Quick");
        // Each operation compiles 2,000 types (seconds); the class warms Roslyn up in its setup.
        var heavy = fast.WithWarmupCount(0).WithIterationCount(5).WithId("QuickHeavy");

        var (_, analyzerProblem) = AnalyzerBenchmarks.LoadAnalyzers();
        var runs = new List<(Type Type, Job Job)>
        {
            (typeof(ValidateBenchmarks), fast),
            (typeof(ValidateBreakdownBenchmarks), fast),
            (typeof(ParseBenchmarks), fast),
            (typeof(WriteBenchmarks), fast),
            (typeof(GeneratorBenchmarks), fast),
        };
        if (analyzerProblem is null)
        {
            runs.Add((typeof(AnalyzerBenchmarks), heavy));
        }
        else
        {
            Console.WriteLine("Analyzer benchmark not run: " + analyzerProblem);
        }

        // Last: its setup compiles and emits validators with Roslyn, which would warm the analyzer benchmark's baseline.
        runs.Add((typeof(KeywordCostBenchmarks), fast));

        var measurements = new List<Measurement>();
        Summary? last = null;
        foreach (var (type, job) in runs)
        {
            var config = ManualConfig.CreateEmpty()
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .AddLogger(new QuietConsoleLogger())
                .AddExporter(MarkdownExporter.GitHub)
                .WithArtifactsPath(artifacts)
                .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
            var summary = BenchmarkRunner.Run(type, config);
            last = summary;
            measurements.AddRange(Measurement.From(summary));
        }

        var allocations = Enum.GetValues<PayloadKind>().ToDictionary(kind => kind, AllocationProbe.ValidateBytesPerCall);
        var results = Targets.Evaluate(measurements, allocations, analyzerProblem);
        var notes = new List<string>();
        var machine = (last is null ? [] : last.HostEnvironmentInfo.ToFormattedString().Select(line => line.Trim()).Where(line => line.Length > 0))
            .Append($"Runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, "
                + $"{Environment.ProcessorCount} logical cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, "
                + "default tiered compilation, BenchmarkDotNet in-process toolchain")
            .Append($"Load average (1 min) at start and end of the run: {loadBefore} / {LoadAverage()} (other processes on the machine disturb the timings)")
            .ToArray();
        var command = "dotnet run -c Release --project benchmarks/Stagehand.Benchmarks -- --quick" + (args.Length > 0 ? " " + string.Join(' ', args) : string.Empty);

        var table = Report.Markdown(measurements, results, notes, machine, command, clock.Elapsed);
        Console.WriteLine();
        Console.WriteLine(table);
        File.WriteAllText(Path.Combine(artifacts, "summary.md"), table);
        File.WriteAllText(Path.Combine(artifacts, "summary.json"), Report.Json(measurements, results, notes, machine, command, clock.Elapsed));
        Console.WriteLine($"Summary written to {Path.Combine(artifacts, "summary.json")} ({clock.Elapsed.TotalSeconds:F0} s in all).");
        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}

/// <summary>One benchmark's result in this run.</summary>
internal sealed record Measurement(string Class, string Method, string Description, PayloadKind? Payload, double? MedianNs, long? AllocatedBytes)
{
    public static IEnumerable<Measurement> From(Summary summary)
    {
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            var payload = benchmark.Parameters.Items.FirstOrDefault(p => p.Name == "Payload")?.Value is PayloadKind kind ? kind : (PayloadKind?)null;
            var median = report.Success ? report.ResultStatistics?.Median : null;
            long? allocated = report.Success ? report.GcStats.GetBytesAllocatedPerOperation(benchmark) : null;
            yield return new Measurement(
                benchmark.Descriptor.Type.Name,
                benchmark.Descriptor.WorkloadMethod.Name,
                benchmark.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                payload,
                median,
                allocated);
        }
    }
}

/// <summary>A line of ILogger output is dropped when it is a per-iteration detail (LogKind.Default).</summary>
internal sealed class QuietConsoleLogger : ILogger
{
    private bool _lastDropped;

    public string Id => nameof(QuietConsoleLogger);

    public int Priority => 0;

    public void Write(LogKind logKind, string text)
    {
        _lastDropped = logKind == LogKind.Default;
        if (!_lastDropped)
        {
            Console.Write(text);
        }
    }

    public void WriteLine()
    {
        if (!_lastDropped)
        {
            Console.WriteLine();
        }
    }

    public void WriteLine(LogKind logKind, string text)
    {
        _lastDropped = logKind == LogKind.Default;
        if (!_lastDropped)
        {
            Console.WriteLine(text);
        }
    }

    public void Flush() => Console.Out.Flush();
}
