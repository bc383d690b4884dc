using System;
using System.Collections.Generic;

namespace Stagehand.Contracts;

/// <summary>The outcome of validating a document or a value: valid, or every violation found (up to the error cap).</summary>
public sealed class ValidationResult
{
    /// <summary>The shared result of every valid validation; it allocates nothing.</summary>
    public static ValidationResult Valid { get; } = new(Array.Empty<ValidationError>(), truncated: false);

    /// <summary>Creates a result holding <paramref name="errors"/>.</summary>
    public ValidationResult(IReadOnlyList<ValidationError> errors, bool truncated)
    {
        Errors = errors ?? throw new ArgumentNullException(nameof(errors));
        IsTruncated = truncated;
    }

    /// <summary>Whether no violation was found.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every violation found, in document order.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Whether collection stopped at <see cref="ContractReadOptions.MaxErrors"/>; more violations may exist.</summary>
    public bool IsTruncated { get; }

    /// <summary>One error per line, as <c>/pointer keyword: message</c>.</summary>
    public override string ToString() => IsValid ? "valid" : string.Join(Environment.NewLine, Errors) + (IsTruncated ? Environment.NewLine + "(more errors were not collected)" : string.Empty);
}
