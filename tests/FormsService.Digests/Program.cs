// Prints a SHA-256 of every document the catalogue can make from its shipped data (DocumentDigests), one line each,
// sorted. Run in two processes (and under another culture), the lines must be the same: that is what makes ETags and
// approved files honest across replicas.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: FormsService.Digests <forms folder> <fonts folder>");
    return 2;
}
using var engine = FormsService.Core.Composition.LoadEngine(args[0], args[1]);
var lines = FormsService.Digests.DocumentDigests.Of(engine);
foreach (var line in lines)
    Console.WriteLine(line);
return 0;

