using System.IO;

namespace Stagehand.Conformance.Tests;

/// <summary>A fact that is skipped, with the reason, when the JSON Schema test suite is not beside the repository.</summary>
public sealed class SuiteFactAttribute : FactAttribute
{
    public SuiteFactAttribute()
    {
        if (!Directory.Exists(TestSuite.Folder))
        {
            Skip = $"The official JSON Schema test suite was not found at {TestSuite.Folder}; conformance was not run.";
        }
    }
}

/// <summary>A theory that is skipped, with the reason, when the JSON Schema test suite is not beside the repository.</summary>
public sealed class SuiteTheoryAttribute : TheoryAttribute
{
    public SuiteTheoryAttribute()
    {
        if (!Directory.Exists(TestSuite.Folder))
        {
            Skip = $"The official JSON Schema test suite was not found at {TestSuite.Folder}; conformance was not run.";
        }
    }
}
