using System;
using System.Collections.Generic;

namespace Stagehand.Contracts.Cli.Evolution;

/// <summary>
/// A set of contracts that cannot be read: a path that does not exist, a git name that is no commit, a baseline line or a
/// schema that does not parse. The commands print <see cref="Details"/> (one problem a line, with its file and line),
/// then the message, and exit with <see cref="ExitCodes.Usage"/>.
/// </summary>
internal sealed class ContractInputException : Exception
{
    public ContractInputException(string message, IReadOnlyList<string>? details = null)
        : base(message)
    {
        Details = details ?? [];
    }

    public ContractInputException()
        : this("The contracts could not be read.")
    {
    }

    public ContractInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Details = [];
    }

    /// <summary>The problems, each a line ready to print (<c>path(line,col): error STH0004: ...</c>).</summary>
    public IReadOnlyList<string> Details { get; }
}
