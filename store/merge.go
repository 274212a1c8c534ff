package store

// What a merge keeps of the record it removes. Every backend's
// MergeSpeakers and MergeOrganisations apply these to the record they keep,
// after the removed one is gone (so that its names are free to become
// aliases).

// MergeSpeakerFields folds what gone says of a person into keep: gone's
// name and aliases become aliases, its description and Wikidata id fill
// keep's when keep has none, and its Wikidata ids are kept as candidates
// (at most MaxQIDCandidates), never lost.
func MergeSpeakerFields(keep, gone *Speaker) {
	keep.Aliases = append(append(keep.Aliases, gone.Name), gone.Aliases...)
	if keep.Description == "" {
		keep.Description = gone.Description
	}
	if keep.QID == "" {
		keep.QID = gone.QID
	}
	keep.QIDCandidates = append(append(keep.QIDCandidates, gone.QIDCandidates...), gone.QID)
	if len(keep.QIDCandidates) > MaxQIDCandidates {
		keep.QIDCandidates = keep.QIDCandidates[:MaxQIDCandidates]
	}
	_ = NormalizeSpeaker(keep) // dedupes the aliases and candidates; the fields were valid
}

// MergeOrganisationFields folds what gone says of an organisation into
// keep: gone's names become aliases, and its Wikidata id fills keep's when
// keep has none.
func MergeOrganisationFields(keep, gone *Organisation) {
	keep.Aliases = append(append(keep.Aliases, gone.Name, gone.ShortName), gone.Aliases...)
	if keep.QID == "" {
		keep.QID = gone.QID
	}
	_ = NormalizeOrganisation(keep) // dedupes the aliases; the fields were valid
}
