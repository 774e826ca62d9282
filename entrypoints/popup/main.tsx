import { render } from 'preact';
import '../../components/page.css';
import '../../components/call-card.css';
import './popup.css';
import { PopupApp } from './popup-app';
import { localizePage } from '../../components/i18n';

localizePage('extName');

render(<PopupApp />, document.getElementById('app') as HTMLElement);
