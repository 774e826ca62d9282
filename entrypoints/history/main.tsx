import { render } from 'preact';
import '../../components/page.css';
import './history.css';
import { HistoryApp } from '../../components/journal/history-app';
import { localizePage } from '../../components/i18n';

localizePage('historyTitle');

render(<HistoryApp />, document.getElementById('app') as HTMLElement);
