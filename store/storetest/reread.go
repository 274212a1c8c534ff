package storetest

import (
	"slices"
	"testing"

	"github.com/quotedb/quotedb/store"
)

// related is what a page reads beside its statements, read in one
// transaction: a backend may keep these records between transactions, and
// must still give each the records as they are when it reads.
type related struct {
	speakers []string // names, "" for a missing speaker
	aliases  [][]string
	org      string
	topic    string
	source   string
	affs     [][]string // roles of each speaker's affiliations
}

func readRelated(t *testing.T, s store.Store, sps []string, org, topic, src string) related {
	t.Helper()
	var r related
	view(t, s, func(tx store.Tx) error {
		got, err := tx.SpeakersByID(sps)
		if err != nil {
			return err
		}
		for _, sp := range got {
			if sp == nil {
				r.speakers, r.aliases = append(r.speakers, ""), append(r.aliases, nil)
				continue
			}
			r.speakers, r.aliases = append(r.speakers, sp.Name), append(r.aliases, slices.Clone(sp.Aliases))
		}
		o, err := tx.Organisation(org)
		if err != nil {
			return err
		}
		tp, err := tx.Topic(topic)
		if err != nil {
			return err
		}
		so, err := tx.SourcesByID([]string{src})
		if err != nil {
			return err
		}
		r.org, r.topic, r.source = o.Name, tp.Name, so[0].Title
		affs, err := tx.AffiliationsOf(sps)
		if err != nil {
			return err
		}
		for _, as := range affs {
			var roles []string
			for _, a := range as {
				roles = append(roles, a.Role)
			}
			r.affs = append(r.affs, roles)
		}
		// The records are the caller's: changing them changes nothing
		// stored, nor what the next transaction reads.
		for _, sp := range got {
			if sp != nil {
				sp.Name = "changed by the caller"
				if len(sp.Aliases) > 0 {
					sp.Aliases[0] = "changed by the caller"
				}
			}
		}
		o.Name, tp.Name, so[0].Title = "changed", "changed", "changed"
		for _, as := range affs {
			for _, a := range as {
				a.Role = "changed"
			}
		}
		return nil
	})
	return r
}

// testRereadAfterWrite reads the related records of a page, changes them
// in each way the API can, and reads them again.
func testRereadAfterWrite(t *testing.T, s store.Store) {
	f := fixture{t, s}
	a, b := f.speaker("Ayla Demir", "A. Demir"), f.speaker("Bora Kaya")
	o := f.org("Civic Union", "CU", store.Party)
	tp := f.topic("Water", nil)
	src := f.source("Evening bulletin", "Ayla Demir said the river is low.", o, "2023-04-01")
	aff := f.aff(a, o, "spokesperson", "2020", "")
	read := func() related { return readRelated(t, s, []string{a.ID, b.ID}, o.ID, tp.ID, src.ID) }
	want := related{
		speakers: []string{"Ayla Demir", "Bora Kaya"}, aliases: [][]string{{"A. Demir"}, nil},
		org: "Civic Union", topic: "Water", source: "Evening bulletin",
		affs: [][]string{{"spokesperson"}, nil},
	}
	steps := []struct {
		name   string
		write  func(tx store.Tx) error
		change func(*related)
	}{
		{"speaker renamed", func(tx store.Tx) error {
			sp := *a
			sp.Name, sp.Aliases = "Ayla Demir-Kaya", []string{"A. Demir", "Ayla D."}
			return tx.UpdateSpeaker(&sp)
		}, func(r *related) { r.speakers[0], r.aliases[0] = "Ayla Demir-Kaya", []string{"A. Demir", "Ayla D."} }},
		{"organisation renamed", func(tx store.Tx) error {
			org := *o
			org.Name = "Civic Union Party"
			return tx.UpdateOrganisation(&org)
		}, func(r *related) { r.org = "Civic Union Party" }},
		{"topic renamed", func(tx store.Tx) error {
			top := *tp
			top.Name = "Water supply"
			return tx.UpdateTopic(&top)
		}, func(r *related) { r.topic = "Water supply" }},
		{"source retitled", func(tx store.Tx) error {
			so := *src
			so.Title = "Late bulletin"
			return tx.UpdateSource(&so)
		}, func(r *related) { r.source = "Late bulletin" }},
		{"affiliation added", func(tx store.Tx) error {
			return tx.CreateAffiliation(&store.Affiliation{SpeakerID: b.ID, OrganisationID: o.ID, Role: "treasurer", Start: date("2021")})
		}, func(r *related) { r.affs[1] = []string{"treasurer"} }},
		{"affiliation changed", func(tx store.Tx) error {
			af := *aff
			af.Role = "leader"
			return tx.UpdateAffiliation(&af)
		}, func(r *related) { r.affs[0] = []string{"leader"} }},
		{"affiliation moved to another speaker", func(tx store.Tx) error {
			af, err := tx.Affiliation(aff.ID)
			if err != nil {
				return err
			}
			af.SpeakerID = b.ID
			return tx.UpdateAffiliation(af)
		}, func(r *related) { r.affs[0], r.affs[1] = nil, []string{"leader", "treasurer"} }},
		{"affiliation deleted", func(tx store.Tx) error { return tx.DeleteAffiliation(aff.ID) },
			func(r *related) { r.affs[1] = []string{"treasurer"} }},
		{"speakers merged", func(tx store.Tx) error { return tx.MergeSpeakers(a.ID, b.ID) }, func(r *related) {
			r.speakers[1], r.aliases[0] = "", []string{"A. Demir", "Ayla D.", "Bora Kaya"}
			r.affs[0], r.affs[1] = []string{"treasurer"}, nil
		}},
	}
	if got := read(); !equalRelated(got, want) {
		t.Fatalf("before any change: got %+v, want %+v", got, want)
	}
	for _, st := range steps {
		update(t, s, st.write)
		st.change(&want)
		for range 2 { // the second read may come from what the first kept
			if got := read(); !equalRelated(got, want) {
				t.Fatalf("after %s: got %+v, want %+v", st.name, got, want)
			}
		}
	}
}

func equalRelated(a, b related) bool {
	return slices.Equal(a.speakers, b.speakers) && a.org == b.org && a.topic == b.topic && a.source == b.source &&
		slices.EqualFunc(a.aliases, b.aliases, slices.Equal) && slices.EqualFunc(a.affs, b.affs, slices.Equal)
}
