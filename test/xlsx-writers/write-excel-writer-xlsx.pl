# Writes a workbook spec (workbook-spec.ts, JSON in $ARGV[0]) to an .xlsx ($ARGV[1]) with Perl's
# Excel::Writer::XLSX.
use strict;
use warnings;
use JSON::PP;
use Excel::Writer::XLSX;

open(my $in, '<:raw', $ARGV[0]) or die "cannot read $ARGV[0]";
my $spec = JSON::PP->new->utf8->decode(do { local $/; <$in> });
my $book = Excel::Writer::XLSX->new($ARGV[1]) or die 'cannot write';
$book->set_1904() if $spec->{date1904};
my %formats;
sub fmt {
  my ($code) = @_;
  return undef unless defined $code;
  $formats{$code} //= $book->add_format(num_format => $code);
  return $formats{$code};
}

my @sheets;
for my $s (@{ $spec->{sheets} }) {
  my $sheet = $book->add_worksheet($s->{name});
  push @sheets, $sheet;
  my %merged = map { (split /:/, $_)[0] => $_ } @{ $s->{merges} // [] };
  for my $c (@{ $s->{cells} }) {
    my ($kind, $value, $f) = ($c->{kind}, $c->{value}, fmt($c->{format}));
    if (exists $merged{ $c->{ref} }) {
      $sheet->merge_range($merged{ $c->{ref} }, $value, $f // $book->add_format());
    } elsif ($kind eq 'number') {
      $sheet->write_number($c->{ref}, $value, $f);
    } elsif ($kind eq 'string') {
      $sheet->write_string($c->{ref}, $value, $f);
    } elsif ($kind eq 'bool') {
      $sheet->write_boolean($c->{ref}, $value ? 1 : 0, $f);
    } elsif ($kind eq 'date') {
      $sheet->write_date_time($c->{ref}, $value . 'T', $f);
    } elsif ($kind eq 'formula') {
      $sheet->write_formula($c->{ref}, '=' . $value, $f, $c->{cached});
    } else {
      die "Excel::Writer::XLSX writes no bare error cells: $c->{ref}";
    }
  }
  if (my $list = $s->{list}) {
    $sheet->data_validation($list->{range}, { validate => 'list', source => $list->{items} });
  }
}
# hide() forgets the active sheet, so it comes first.
for my $i (0 .. $#sheets) { $sheets[$i]->hide() if $spec->{sheets}[$i]{hidden}; }
$sheets[ $spec->{active} ]->activate();
$book->close();
