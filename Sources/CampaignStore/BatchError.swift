import CampaignModel

/// Why `report undo` or `report return` cannot do what was asked.
public enum BatchError: Error, Sendable, Equatable {
  /// No batch has this number.
  case unknownBatch(Int)
  /// The batch was undone already, by the batch given.
  case alreadyUndone(batch: Int, by: Int)
  /// An undo cannot be undone: import the file again instead.
  case undoOfUndo(Int)
  /// The batch changed the organization tree or the kind catalogue, which undo does not restore.
  case structural(batch: Int, types: [String])
  /// Later batches changed records this batch wrote; they must be undone first.
  case laterBatches(batch: Int, later: [Int])
  /// `report return`: the unit has no submission standing for the month.
  case nothingToReturn(SubmissionScope)
  /// `report return`: the reason is empty.
  case emptyReason
  /// A submission of a month overlaps the standing submission of an organization above or
  /// below it, made in the batch given.
  case overlappingSubmission(SubmissionScope, standing: String, batch: Int)
  /// The top committee cannot submit: its scope would be every unit's.
  case submissionOfTop(String)
  /// A submission cannot carry organizations or kinds.
  case structureInSubmission(file: String, scope: SubmissionScope)
  /// An undo of a submission while a later one of the same unit and month stands.
  case laterSubmission(batch: Int, later: Int)
  /// An undo of a submission while a later return of it stands: undo the return first.
  case laterReturn(batch: Int, later: Int)
}
