using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Stagehand.Conformance.Tests;

/// <summary>A fact that is skipped, with the reason, when the JSON Schema test suite is not beside the repository.</summary>
public sealed class SuiteFactAttribute : FactAttribute
{
    public SuiteFactAttribute()
    {
        if (!TestSuite.IsPresent)
        {
            Skip = SuiteTheoryAttribute.Absent;
        }
    }
}

/// <summary>A theory that is skipped, with the reason, when the JSON Schema test suite is not beside the repository.</summary>
public sealed class SuiteTheoryAttribute : TheoryAttribute
{
    public SuiteTheoryAttribute()
    {
        if (!TestSuite.IsPresent)
        {
            Skip = Absent;
        }
    }

    internal static string Absent => $"The official JSON Schema test suite was not found at {TestSuite.Folder}; conformance was not run.";
}

/// <summary>
/// A theory over the suite's cases, one test each (arguments: draft, file, group index, case index), shown as
/// <c>draft2020-12 / anyOf.json / &lt;group&gt; / &lt;case&gt;</c>. A case whose group the generator excluded is
/// reported as skipped, with the reason, not as passed. The whole theory is skipped when the suite is absent.
/// </summary>
[XunitTestCaseDiscoverer("Stagehand.Conformance.Tests.SuiteCaseDiscoverer", "Stagehand.Conformance.Tests")]
public sealed class SuiteCaseTheoryAttribute : TheoryAttribute
{
    public SuiteCaseTheoryAttribute()
    {
        if (!TestSuite.IsPresent)
        {
            Skip = SuiteTheoryAttribute.Absent;
        }
    }
}

/// <summary>Makes each data row of a <see cref="SuiteCaseTheoryAttribute"/> a <see cref="SuiteCaseTestCase"/>.</summary>
public sealed class SuiteCaseDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        [new SuiteCaseTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, dataRow)];
}

/// <summary>
/// One case of the suite. Before it runs, it asks the compiled run of its draft whether its group is excluded; if so,
/// it is skipped with the reason (the keywords the generator reported), so an excluded case is never counted as passed.
/// </summary>
public sealed class SuiteCaseTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SuiteCaseTestCase()
    {
    }

    public SuiteCaseTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, object[] testMethodArguments)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
    }

    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        var skipReason = SkipReason ?? await Task.Run(ExclusionReason).ConfigureAwait(false);
        return await new XunitTestCaseRunner(this, DisplayName, skipReason, constructorArguments, TestMethodArguments, messageBus, aggregator, cancellationTokenSource).RunAsync().ConfigureAwait(false);
    }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName)
    {
        try
        {
            var (draft, file, group, test) = Arguments();
            var suiteGroup = TestSuite.Group(draft, file, group);
            return $"{draft} / {file} / {suiteGroup.Description} / {suiteGroup.Cases[test].Description}";
        }
        catch (Exception exception) when (exception is InvalidOperationException or InvalidCastException or IndexOutOfRangeException or ArgumentOutOfRangeException or System.IO.IOException)
        {
            return base.GetDisplayName(factAttribute, displayName);
        }
    }

    /// <summary>
    /// Why this case's group is excluded, or null. A run that cannot be built (the generator throws, the generated C#
    /// does not compile) excludes nothing: the test then runs and fails with what went wrong.
    /// </summary>
    private string? ExclusionReason()
    {
        try
        {
            var (draft, file, group, _) = Arguments();
            var build = SuiteBuild.For(draft, TestSuite.RunOf(file));
            return build.ExclusionReason(build.Group(file, group)) is { } reason
                ? $"Excluded: the generator reports STH0004 for this group's schema ({reason})."
                : null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return null;
        }
    }

    private (string Draft, string File, int Group, int Test) Arguments() =>
        ((string)TestMethodArguments[0], (string)TestMethodArguments[1], (int)TestMethodArguments[2], (int)TestMethodArguments[3]);
}
