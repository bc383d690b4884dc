using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit.Abstractions;

namespace Stagehand.Conformance.Tests;

/// <summary>
/// Runs the official JSON Schema test suite, for each draft the generator reads, against the validators the generator
/// generates from the suite's schemas, in memory (see <see cref="SuiteBuild"/>). Every file below
/// <c>tests/&lt;draft&gt;/</c> is required, except <c>optional/</c>; the <c>optional/format/</c> files run too, in a
/// second generator run with format assertion on (the other optional files are not run: see <see cref="TestSuite.Files"/>).
/// Each case is a test of its own (<see cref="Case"/>); a case whose group the generator cannot generate (STH0004) is
/// skipped with the keywords as its reason, and those exclusions must be exactly the ones listed in
/// <c>conformance-exclusions.&lt;draft&gt;.json</c> (<see cref="Exclusions"/>), which also leaves each draft's lines in
/// <c>TestResults/conformance.txt</c>.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private static readonly object ResultsGate = new();
    private const string WriteExclusionsVariable = "STAGEHAND_WRITE_EXCLUSIONS";
    private static readonly SuiteRun[] Runs = [SuiteRun.Required, SuiteRun.Format];

    public static TheoryData<string> Drafts => new(TestSuite.Drafts);

    /// <summary>Every case of every run of every draft: draft, file, group index, case index.</summary>
    public static TheoryData<string, string, int, int> Cases
    {
        get
        {
            var data = new TheoryData<string, string, int, int>();
            if (!TestSuite.IsPresent)
            {
                return data;
            }

            foreach (var draft in TestSuite.Drafts)
            {
                foreach (var run in Runs)
                {
                    foreach (var group in TestSuite.Load(draft, run))
                    {
                        foreach (var test in group.Cases)
                        {
                            data.Add(draft, group.File, group.Index, test.Index);
                        }
                    }
                }
            }

            return data;
        }
    }

    /// <summary>One case: the generated validator of its group accepts or rejects the instance as the suite says.</summary>
    [SuiteCaseTheory]
    [MemberData(nameof(Cases))]
    public void Case(string draft, string file, int group, int test)
    {
        var build = SuiteBuild.For(draft, TestSuite.RunOf(file));
        var suiteGroup = build.Group(file, group);
        var suiteCase = suiteGroup.Cases[test];
        var reason = build.ExclusionReason(suiteGroup);
        Assert.True(reason is null, $"The group is excluded ({reason}), so this case should have been skipped.");
        var outcome = build.Evaluate(suiteGroup, suiteCase);
        Assert.True(outcome.Passed, $"{draft} / {file} / {suiteGroup.Description} / {suiteCase.Description}: {outcome.Message}");
    }

    /// <summary>
    /// A draft's exclusions are exactly the ones its exclusions file lists, each with a documented reason; writes the
    /// draft's summary lines (required and format runs) and lists the remotes' problems and the failing cases.
    /// </summary>
    [SuiteTheory]
    [MemberData(nameof(Drafts))]
    public void Exclusions(string draft)
    {
        var excluded = new List<Exclusion>();
        foreach (var run in Runs)
        {
            var build = SuiteBuild.For(draft, run);
            Assert.True(build.OtherDiagnostics.Count == 0, "The generator reported unexpected diagnostics:" + Environment.NewLine + string.Join(Environment.NewLine, build.OtherDiagnostics));
            foreach (var problem in build.RemoteProblems.Where(_ => run == SuiteRun.Required))
            {
                output.WriteLine($"remote {problem.Path}: {problem.Keyword}: {problem.Message}");
            }

            var passed = 0;
            var failures = new List<string>();
            var runExcluded = 0;
            foreach (var group in build.Groups)
            {
                var reason = build.ExclusionReason(group);
                foreach (var test in group.Cases)
                {
                    if (reason is not null)
                    {
                        excluded.Add(new Exclusion(group.File, group.Description, test.Description, reason));
                        runExcluded++;
                        continue;
                    }

                    var outcome = build.Evaluate(group, test);
                    if (outcome.Passed)
                    {
                        passed++;
                    }
                    else
                    {
                        failures.Add($"{group.File} / {group.Description} / {test.Description}: {outcome.Message}");
                    }
                }
            }

            var total = build.Groups.Sum(g => g.Cases.Count);
            Assert.Equal(total, passed + failures.Count + runExcluded);
            var label = run == SuiteRun.Required ? draft : draft + " format";
            var summary = $"conformance {label}: {passed} passed, {failures.Count} failed, {runExcluded} excluded of {total}";
            output.WriteLine($"{summary} (generated and compiled in {build.Elapsed.TotalSeconds:0.0} s)");
            foreach (var failure in failures)
            {
                output.WriteLine("failed: " + failure);
            }

            WriteSummary(label, summary);
        }

        CheckExclusions(excluded, draft);
    }

    /// <summary>Puts a run's line in <c>TestResults/conformance.txt</c>, beside the other runs' lines, in draft order.</summary>
    private static void WriteSummary(string label, string summary)
    {
        lock (ResultsGate)
        {
            var results = Path.Combine(TestSuite.RepositoryRoot, "TestResults");
            Directory.CreateDirectory(results);
            var path = Path.Combine(results, "conformance.txt");
            var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
            lines.RemoveAll(line => !line.StartsWith("conformance draft", StringComparison.Ordinal) || line.StartsWith("conformance " + label + ":", StringComparison.Ordinal));
            lines.Add(summary);
            File.WriteAllLines(path, lines.OrderBy(Order).ThenBy(line => line.Contains(" format:", StringComparison.Ordinal)));
        }

        static int Order(string line) => Array.FindIndex(TestSuite.Drafts, d => line.StartsWith("conformance " + d + ":", StringComparison.Ordinal) || line.StartsWith("conformance " + d + " format:", StringComparison.Ordinal));
    }

    private void CheckExclusions(List<Exclusion> excluded, string draft)
    {
        var exclusionsFile = "conformance-exclusions." + draft + ".json";
        var path = Path.Combine(AppContext.BaseDirectory, exclusionsFile);
        if (Environment.GetEnvironmentVariable(WriteExclusionsVariable) == "1")
        {
            var source = Path.Combine(TestSuite.RepositoryRoot, "tests", "Stagehand.Conformance.Tests", exclusionsFile);
            File.WriteAllText(source, JsonSerializer.Serialize(excluded, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) + "\n");
            output.WriteLine("wrote " + source);
            return;
        }

        var listed = JsonSerializer.Deserialize<List<Exclusion>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })!;
        var unlisted = excluded.Except(listed).ToList();
        var stale = listed.Except(excluded).ToList();
        Assert.True(
            unlisted.Count == 0 && stale.Count == 0,
            $"{exclusionsFile} is out of date. Not listed: {string.Join("; ", unlisted.Take(10))}. Listed but not excluded: {string.Join("; ", stale.Take(10))}. Set {WriteExclusionsVariable}=1 to rewrite it, then review it.");
        var documented = File.ReadAllText(Path.Combine(TestSuite.RepositoryRoot, "docs", "schema-dialect.md"));
        foreach (var reason in listed.SelectMany(e => e.Reason.Split(", ")).Distinct())
        {
            var keyword = reason.Split(' ')[0];
            Assert.True(documented.Contains("`" + keyword + "`", StringComparison.Ordinal), $"The exclusion reason '{keyword}' is not documented in docs/schema-dialect.md.");
        }
    }

    /// <summary>One excluded case and the unsupported keyword that excludes it.</summary>
    private sealed record Exclusion(string File, string Group, string Test, string Reason);
}
