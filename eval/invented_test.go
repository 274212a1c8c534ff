package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// TestInventedDocuments scores the extractor on the invented documents of
// testdata/invented (see its README) and checks each set against a floor
// of F1, speaker accuracy and speaker exactness: rules were developed
// looking at these documents, so they guard what those rules taught, not
// how the extractor does on text never seen.
func TestInventedDocuments(t *testing.T) {
	floors := []struct {
		file               string
		f1, speaker, exact float64
	}{
		{"set1.jsonl", 0.99, 0.95, 0.92},
		{"set2.jsonl", 0.99, 0.98, 0.96},
		{"set3.jsonl", 0.99, 0.97, 0.95},
		{"set4.jsonl", 0.95, 0.96, 0.92},
		{"set5.jsonl", 0.96, 0.97, 0.95},
		{"set6.jsonl", 0.96, 0.95, 0.95},
		{"set7.jsonl", 0.97, 0.94, 0.94},
		{"set8.jsonl", 0.97, 0.96, 0.95},
		{"set9.jsonl", 0.94, 0.91, 0.88},
		{"set10.jsonl", 0.95, 0.97, 0.93},
		{"set11.jsonl", 0.98, 0.97, 0.92},
		{"set12.jsonl", 0.97, 0.90, 0.88},
		{"set13.jsonl", 0.95, 0.88, 0.84},
		{"set14.jsonl", 0.98, 0.97, 0.97},
		{"set15.jsonl", 0.97, 0.95, 0.89},
		{"set16.jsonl", 0.99, 0.97, 0.96},
		{"set17.jsonl", 0.97, 0.98, 0.94},
		{"set18.jsonl", 0.98, 0.98, 0.98},
		{"set19.jsonl", 0.98, 0.96, 0.91},
		{"set20.jsonl", 0.98, 0.95, 0.92},
		{"set21.jsonl", 0.99, 0.93, 0.90},
		{"set22.jsonl", 0.99, 0.97, 0.97},
		{"set23.jsonl", 0.96, 0.93, 0.91},
		{"set24.jsonl", 0.98, 0.96, 0.95},
		{"set25.jsonl", 0.98, 0.95, 0.89},
		{"set26.jsonl", 0.98, 0.95, 0.94},
		{"set27.jsonl", 0.99, 0.98, 0.92},
		{"set28.jsonl", 0.98, 0.95, 0.94},
		{"set29.jsonl", 0.98, 0.94, 0.91},
		{"set30.jsonl", 0.96, 0.98, 0.93},
		{"set31.jsonl", 0.99, 0.97, 0.94},
		{"set32.jsonl", 0.97, 0.95, 0.91},
		{"set33.jsonl", 0.99, 0.97, 0.94},
		{"set34.jsonl", 0.98, 0.96, 0.95},
		{"set35.jsonl", 0.98, 0.97, 0.95},
		{"set36.jsonl", 0.98, 0.93, 0.89},
		{"set37.jsonl", 0.97, 0.98, 0.95},
		{"set38.jsonl", 0.97, 0.93, 0.90},
		{"set39.jsonl", 0.99, 0.95, 0.94},
		{"set40.jsonl", 0.97, 0.92, 0.91},
		{"set41.jsonl", 0.98, 0.98, 0.92},
		{"set42.jsonl", 0.98, 0.94, 0.91},
		{"set43.jsonl", 0.99, 0.99, 0.99},
		{"set44.jsonl", 0.98, 0.99, 0.99},
		{"set45.jsonl", 0.99, 0.99, 0.99},
		{"set46.jsonl", 0.99, 0.94, 0.92},
		{"set47.jsonl", 0.99, 0.98, 0.96},
		{"set48.jsonl", 0.98, 0.93, 0.93},
		{"set49.jsonl", 0.99, 0.99, 0.95},
		{"set50.jsonl", 0.99, 0.98, 0.92},
		{"set51.jsonl", 0.99, 0.98, 0.98},
		{"set52.jsonl", 0.99, 0.92, 0.90},
		{"set53.jsonl", 0.98, 0.97, 0.95},
		{"set54.jsonl", 0.99, 0.95, 0.94},
		{"set55.jsonl", 0.99, 0.95, 0.91},
		{"set56.jsonl", 0.95, 0.93, 0.93},
		{"set57.jsonl", 0.95, 0.93, 0.90},
		{"set58.jsonl", 0.95, 0.89, 0.88},
		{"set59.jsonl", 0.98, 0.91, 0.88},
		{"set60.jsonl", 0.97, 0.94, 0.92},
		{"set61.jsonl", 0.98, 0.96, 0.95},
		{"set62.jsonl", 0.98, 0.94, 0.93},
		{"set63.jsonl", 0.99, 0.95, 0.94},
		{"set64.jsonl", 0.98, 0.93, 0.91},
		{"set65.jsonl", 0.99, 0.97, 0.93},
		{"set66.jsonl", 0.98, 0.98, 0.98},
		{"set67.jsonl", 0.99, 0.97, 0.96},
		{"set68.jsonl", 0.97, 0.91, 0.89},
		{"set69.jsonl", 0.98, 0.96, 0.95},
		{"set70.jsonl", 0.97, 0.98, 0.96},
		{"set71.jsonl", 0.98, 0.95, 0.93},
		{"set72.jsonl", 0.98, 0.96, 0.95},
		{"set73.jsonl", 0.99, 0.99, 0.96},
		{"set74.jsonl", 0.95, 0.95, 0.95},
		{"set75.jsonl", 0.99, 0.97, 0.95},
		{"set76.jsonl", 0.98, 0.97, 0.96},
		{"set77.jsonl", 0.99, 0.92, 0.92},
		{"set78.jsonl", 0.96, 0.97, 0.95},
		{"set79.jsonl", 0.99, 0.99, 0.97},
		{"set80.jsonl", 0.99, 0.99, 0.99},
		{"set81.jsonl", 0.99, 0.99, 0.97},
		{"set82.jsonl", 0.98, 0.98, 0.96},
		{"set84.jsonl", 0.95, 0.98, 0.95},
		{"set85.jsonl", 0.96, 0.94, 0.94},
		{"set86.jsonl", 0.98, 0.95, 0.95},
		{"set87.jsonl", 0.97, 0.98, 0.97},
		{"set88.jsonl", 0.98, 0.92, 0.89},
		{"set89.jsonl", 0.98, 0.98, 0.97},
		{"set90.jsonl", 0.99, 0.97, 0.95},
		{"set91.jsonl", 0.99, 0.95, 0.93},
		{"set92.jsonl", 0.98, 0.97, 0.97},
		{"set93.jsonl", 0.98, 0.92, 0.90},
		{"set94.jsonl", 0.98, 0.93, 0.91},
		{"set95.jsonl", 0.98, 0.86, 0.83},
		{"set96.jsonl", 0.99, 0.99, 0.97},
		{"set97.jsonl", 0.99, 0.99, 0.99},
		{"set98.jsonl", 0.99, 0.95, 0.90},
		{"set99.jsonl", 0.98, 0.94, 0.90},
		{"set100.jsonl", 0.98, 0.93, 0.89},
		{"set101.jsonl", 0.96, 0.94, 0.90},
		{"set102.jsonl", 0.99, 0.95, 0.95},
		{"set103.jsonl", 0.99, 0.99, 0.99},
	}
	for _, fl := range floors {
		t.Run(fl.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", "invented", fl.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			docs, err := ReadGold(f)
			if err != nil {
				t.Fatal(err)
			}
			m := Score(docs, Predict(docs), 0.3)
			if m.F1 < fl.f1 || m.SpeakerAccuracy < fl.speaker || m.SpeakerExact < fl.exact {
				t.Errorf("F1 %.4f speaker %.4f exact %.4f, want at least %.2f %.2f %.2f", m.F1, m.SpeakerAccuracy, m.SpeakerExact, fl.f1, fl.speaker, fl.exact)
			}
		})
	}
}
